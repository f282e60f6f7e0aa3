using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

/// <summary>A vial the picker offers: where it is, what it holds, its concentration and what is left.</summary>
public sealed record VialOption(Guid Id, Guid SiteId, Guid ProductId, string Label, decimal? UnitsPer01Ml);

/// <summary>The earlier session "copy forward" takes its points from.</summary>
public sealed record PreviousSession(Guid Id, DateTime InjectedAtUtc, string TimeZoneId, string ProductName, IReadOnlyList<InjectionPoint> Points)
{
    public string Shown => Features.Assessments.VisitTime.Show(InjectedAtUtc, TimeZoneId);
}

/// <summary>The choices of the session form: sites, products, usable vials, and the session to copy forward from.</summary>
public sealed class SessionFormOptions
{
    public IReadOnlyList<Site> Sites { get; private init; } = [];
    public IReadOnlyList<ToxinProduct> Products { get; private init; } = [];
    public IReadOnlyList<VialOption> Vials { get; private init; } = [];
    public PreviousSession? Previous { get; private init; }

    /// <summary>
    /// Open sites and active products (and the session's own, when it is corrected), the vials usable now at each
    /// site (and those the session already drew from), and the patient's latest session before this one.
    /// </summary>
    public static async Task<SessionFormOptions> LoadAsync(SpasmCareDbContext db, Guid patientId, DateTime nowUtc,
        InjectionSession? existing, CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking()
            .Where(s => s.IsActive || (existing != null && s.Id == existing.SiteId))
            .OrderBy(s => s.Name)
            .ToListAsync(ct);
        var products = await db.ToxinProducts.AsNoTracking()
            .Where(p => p.IsActive || (existing != null && p.Id == existing.ProductId))
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        var names = products.ToDictionary(p => p.Id, p => p.Name);

        var vials = new List<ToxinVial>();
        foreach (var site in sites)
        {
            vials.AddRange(await VialLedger.UsableAsync(db, site.Id, null, nowUtc, ct));
        }

        if (existing is not null)
        {
            var used = await db.InjectionPoints.AsNoTracking().Where(p => p.SessionId == existing.Id).Select(p => p.VialId).Distinct().ToListAsync(ct);
            var missing = used.Where(id => vials.All(v => v.Id != id)).ToList();
            vials.AddRange(await db.ToxinVials.AsNoTracking().Where(v => missing.Contains(v.Id)).ToListAsync(ct));
        }

        var options = vials
            .Where(v => names.ContainsKey(v.ProductId))
            .Select(v => new VialOption(v.Id, v.SiteId, v.ProductId, SessionLabels.Vial(v),
                v.SalineMl is { } saline && saline > 0 ? Reconstitution.UnitsPer01Ml(v.UnitsPerVial, saline) : null))
            .ToList();

        var previous = await (
                from s in db.InjectionSessions.AsNoTracking()
                join site in db.Sites.AsNoTracking() on s.SiteId equals site.Id
                join product in db.ToxinProducts.AsNoTracking() on s.ProductId equals product.Id
                where s.PatientId == patientId && !s.EnteredInError && (existing == null || s.Id != existing.Id)
                      && (existing == null || s.InjectedAtUtc < existing.InjectedAtUtc)
                orderby s.InjectedAtUtc descending
                select new { s.Id, s.InjectedAtUtc, site.TimeZoneId, product.Name })
            .FirstOrDefaultAsync(ct);
        PreviousSession? last = null;
        if (previous is not null)
        {
            var points = await db.InjectionPoints.AsNoTracking().Where(p => p.SessionId == previous.Id).OrderBy(p => p.Order).ToListAsync(ct);
            last = new PreviousSession(previous.Id, previous.InjectedAtUtc, previous.TimeZoneId, previous.Name, points);
        }

        return new SessionFormOptions { Sites = sites, Products = products, Vials = options, Previous = last };
    }

    public string SiteName(Guid id) => Sites.FirstOrDefault(s => s.Id == id)?.Name ?? "another site";

    public string ProductName(Guid id) => Products.FirstOrDefault(p => p.Id == id)?.Name ?? "another product";

    /// <summary>The reference range of the product against onabotulinumtoxinA, as a hint ("1 : 2.5–3"), or null.</summary>
    public static string? RatioHint(ToxinProduct product)
    {
        if (product.ReferenceRatioLow is not { } low)
        {
            return null;
        }

        var high = product.ReferenceRatioHigh ?? low;
        var text = low == high ? SessionLabels.Number(low) : SessionLabels.Number(low) + "–" + SessionLabels.Number(high);
        return "onabotulinumtoxinA : " + product.Name + " ≈ 1 : " + text;
    }

    public static string Ratio(decimal? ratio) => ratio?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>What the session form partials need from the New and Edit pages.</summary>
public interface ISessionForm
{
    SessionInput Input { get; }
    SessionFormOptions Options { get; }

    /// <summary>Warnings the server raised for what was posted (empty on a fresh form).</summary>
    IReadOnlyList<DoseWarning> Warnings { get; }

    /// <summary>Codes saved past earlier (a correction of a session that already overrode them).</summary>
    IReadOnlyList<string> EarlierOverrides { get; }

    string? Notice { get; }
}

/// <summary>The form's own buttons that change the rows without saving (they work without JavaScript).</summary>
public static class SessionFormCommands
{
    public const string Add = "add";
    public const string Copy = "copy";
    public const string RemovePrefix = "remove-";

    public static bool IsCommand(string? command) =>
        command is Add or Copy || (command?.StartsWith(RemovePrefix, StringComparison.Ordinal) ?? false);

    /// <summary>Applies a row command to the form; returns a status line for the page, if any.</summary>
    public static string? Apply(string command, SessionInput input, PreviousSession? previous)
    {
        if (command == Add)
        {
            input.Points.Add(new PointInput());
            return null;
        }

        if (command == Copy)
        {
            if (previous is null)
            {
                return "There is no earlier session to copy from.";
            }

            input.Points.RemoveAll(p => p.IsBlank);
            input.Points.AddRange(previous.Points.Select(p => new PointInput
            {
                Muscle = p.Muscle,
                Side = p.Side,
                Units = p.Units,
                Technique = p.Technique,
                MapX = p.MapX,
                MapY = p.MapY,
            }));
            return $"Copied {previous.Points.Count} points from the session of {previous.Shown} ({previous.ProductName}). Choose the vial for each point before saving.";
        }

        if (int.TryParse(command[RemovePrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < input.Points.Count)
        {
            input.Points.RemoveAt(index);
        }

        if (input.Points.Count == 0)
        {
            input.Points.Add(new PointInput());
        }

        return null;
    }
}

/// <summary>One numbered marker on the face map.</summary>
public sealed record MapMarker(int Number, double X, double Y, bool Balancing, string Label);

/// <summary>The face map: interactive on the session form (toxin-map.js), a picture with the points elsewhere.</summary>
public sealed record ToxinMapModel(bool Interactive, AffectedSide SpasmSide, IReadOnlyList<MapMarker> Markers)
{
    public const double Width = 320;
    public const double Height = 400;

    /// <summary>Each site's clickable area around its catalogue position (rx, ry in map units); drawn largest first.</summary>
    private static readonly Dictionary<string, (double Rx, double Ry)> Sizes = new(StringComparer.Ordinal)
    {
        ["frontalis-lateral"] = (30, 22),
        ["platysma"] = (22, 30),
        ["masseter"] = (14, 26),
        ["temporalis"] = (12, 24),
        ["zygomaticus-major"] = (12, 16),
        ["oo-upper-preseptal"] = (17, 5),
        ["oo-orbital-lateral-canthus"] = (8, 14),
        ["orbicularis-oris"] = (14, 7),
        ["risorius"] = (13, 7),
        ["zygomaticus-minor"] = (8, 12),
        ["levator-labii-superioris"] = (7, 12),
        ["buccinator"] = (10, 8),
        ["corrugator"] = (10, 6),
        ["nasalis"] = (7, 10),
        ["mentalis"] = (8, 10),
        ["depressor-anguli-oris"] = (9, 9),
        ["procerus"] = (5, 8),
        ["oo-upper-pretarsal-medial"] = (8, 5),
        ["oo-upper-pretarsal-lateral"] = (8, 5),
        ["oo-lower-pretarsal-lateral"] = (9, 5),
        ["oo-lower-medial"] = (9, 5),
        ["oo-upper-centre-levator"] = (5, 4),
    };

    public sealed record Region(ToxinMuscle Muscle, AffectedSide Side, double Cx, double Cy, double Rx, double Ry);

    /// <summary>Both sides' regions, the larger drawn first so that small lid sites sit on top and stay clickable.</summary>
    public static IReadOnlyList<Region> Regions { get; } = ToxinMuscleCatalogue.All
        .SelectMany(m => new[] { AffectedSide.Right, AffectedSide.Left }.Select(side =>
        {
            var (rx, ry) = Sizes.TryGetValue(m.Code, out var size) ? size : (8, 8);
            return new Region(m, side, m.MapXFor(side) * Width, m.MapY * Height, rx, ry);
        }))
        .OrderByDescending(r => r.Rx * r.Ry)
        .ToList();

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static ToxinMapModel For(SessionView view, bool interactive = false) =>
        new(interactive, view.Session.SpasmSide,
            view.Points.Select(p => new MapMarker(p.Number, p.MapX, p.MapY, p.Balancing,
                $"{p.Number}: {p.MuscleName}, {SessionLabels.Of(p.Side).ToLowerInvariant()}, {SessionLabels.Units(p.Units)}")).ToList());

    public static ToxinMapModel For(SessionInput input) =>
        new(true, input.SpasmSide ?? AffectedSide.Unknown,
            input.Points.Select((p, i) => (p, i))
                .Where(x => x.p.MapX is not null && x.p.MapY is not null)
                .Select(x => new MapMarker(x.i + 1, x.p.MapX!.Value, x.p.MapY!.Value,
                    x.p.Side is { } side && SessionTotals.IsBalancing(side, input.SpasmSide ?? AffectedSide.Unknown), ""))
                .ToList());
}

/// <summary>One row of the points table; <see cref="Index"/> is "__i__" in the template JavaScript copies.</summary>
public sealed record PointRowModel(string Index, PointInput Point, ISessionForm Form)
{
    public const string TemplateIndex = "__i__";

    public bool IsTemplate => Index == TemplateIndex;

    public string Name(string field) => $"Input.Points[{Index}].{field}";

    public string Id(string field) => $"Input_Points_{Index}__{field}";

    public string Number => IsTemplate ? "" : (int.Parse(Index, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Helpers the session pages share.</summary>
public static class SessionPage
{
    /// <summary>Puts the handler's errors beside their fields (the form's fields are under "Input.").</summary>
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<SessionFieldError> errors)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, error.Message);
        }
    }

    public static string Url(Guid patientId, Guid sessionId, string? tail = null) =>
        $"/Patients/{patientId}/Toxin/Sessions/{sessionId}" + (tail is null ? "" : "/" + tail);
}
