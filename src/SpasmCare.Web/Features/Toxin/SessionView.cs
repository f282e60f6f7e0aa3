using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>One injection point as the session pages show it: the muscle, the vial and lot it came from, the volume.</summary>
public sealed record SessionPointView(
    int Number, string MuscleCode, string MuscleName, Nerve? Nerve, AffectedSide Side, bool Balancing, decimal Units,
    decimal VolumeMl, InjectionTechnique Technique, Guid VialId, string Lot, DateOnly Expiry, decimal? UnitsPer01Ml,
    double MapX, double MapY);

/// <summary>Units and points on one side of the face.</summary>
public sealed record SideTotal(AffectedSide Side, decimal Units, int Points, bool Balancing);

/// <summary>A session with its site, product and points, as the session, print and patient pages show it.</summary>
public sealed record SessionView(
    InjectionSession Session, string SiteName, string TimeZoneId, ToxinProduct Product, IReadOnlyList<SessionPointView> Points)
{
    public string Shown => VisitTime.Show(Session.InjectedAtUtc, TimeZoneId);

    public DateOnly LocalDate => DateOnly.FromDateTime(VisitTime.Local(Session.InjectedAtUtc, TimeZoneId));

    public decimal Total => Points.Sum(p => p.Units);

    public IReadOnlyList<SideTotal> Totals => SessionTotals.BySide(Points.Select(p => (p.Side, p.Units)), Session.SpasmSide);

    /// <summary>The reference onabotulinumtoxinA equivalent of the total, as a read-only hint (never a conversion).</summary>
    public string? EquivalenceHint => DoseEquivalence.Hint(Total, Product.ReferenceRatioLow, Product.ReferenceRatioHigh);

    public IReadOnlyList<string> OverriddenCodes =>
        string.IsNullOrWhiteSpace(Session.OverriddenWarnings)
            ? []
            : Session.OverriddenWarnings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The patient's session, or null (a session of another patient is not found either).</summary>
    public static async Task<SessionView?> FindAsync(SpasmCareDbContext db, Guid patientId, Guid sessionId, CancellationToken ct)
    {
        var found = await (
                from s in db.InjectionSessions.AsNoTracking()
                join site in db.Sites.AsNoTracking() on s.SiteId equals site.Id
                join product in db.ToxinProducts.AsNoTracking() on s.ProductId equals product.Id
                where s.Id == sessionId && s.PatientId == patientId
                select new { Session = s, site.Name, site.TimeZoneId, Product = product })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var points = await (
                from p in db.InjectionPoints.AsNoTracking()
                join v in db.ToxinVials.AsNoTracking() on p.VialId equals v.Id
                where p.SessionId == sessionId
                select new { Point = p, v.LotNumber, v.ExpiryDate, v.UnitsPerVial, v.SalineMl })
            .ToListAsync(ct);
        var views = points
            .OrderBy(x => x.Point.Order)
            .Select((x, i) =>
            {
                var muscle = ToxinMuscleCatalogue.Find(x.Point.Muscle);
                decimal? per01 = x.SalineMl is > 0 ? Reconstitution.UnitsPer01Ml(x.UnitsPerVial, x.SalineMl.Value) : null;
                return new SessionPointView(i + 1, x.Point.Muscle, muscle?.Name ?? x.Point.Muscle, muscle?.Nerve, x.Point.Side,
                    SessionTotals.IsBalancing(x.Point.Side, found.Session.SpasmSide), x.Point.Units, x.Point.VolumeMl,
                    x.Point.Technique, x.Point.VialId, x.LotNumber, x.ExpiryDate, per01, x.Point.MapX, x.Point.MapY);
            })
            .ToList();
        return new SessionView(found.Session, found.Name, found.TimeZoneId, found.Product, views);
    }
}

/// <summary>Totals per side; a point on the side opposite a one-sided spasm is a contralateral balancing point.</summary>
public static class SessionTotals
{
    public static bool IsBalancing(AffectedSide pointSide, AffectedSide spasmSide) =>
        spasmSide is AffectedSide.Left or AffectedSide.Right && pointSide is AffectedSide.Left or AffectedSide.Right && pointSide != spasmSide;

    public static IReadOnlyList<SideTotal> BySide(IEnumerable<(AffectedSide Side, decimal Units)> points, AffectedSide spasmSide)
    {
        var list = points.ToList();
        return new[] { AffectedSide.Right, AffectedSide.Left }
            .Select(side => new SideTotal(side, list.Where(p => p.Side == side).Sum(p => p.Units), list.Count(p => p.Side == side),
                IsBalancing(side, spasmSide)))
            .ToList();
    }
}

/// <summary>How the toxin session pages write enums, units and muscles.</summary>
public static class SessionLabels
{
    public static string Of(InjectionIndication indication) => indication switch
    {
        InjectionIndication.HemifacialSpasm => "Hemifacial spasm",
        InjectionIndication.Blepharospasm => "Blepharospasm",
        InjectionIndication.HemimasticatorySpasm => "Hemimasticatory spasm",
        InjectionIndication.Other => "Other",
        _ => indication.ToString(),
    };

    public static string Of(AffectedSide side) => side switch
    {
        AffectedSide.Left => "Left",
        AffectedSide.Right => "Right",
        AffectedSide.Both => "Both",
        _ => "Not recorded",
    };

    public static string Of(InjectionTechnique technique) => technique switch
    {
        InjectionTechnique.Standard => "Standard",
        InjectionTechnique.Pretarsal => "Pretarsal",
        InjectionTechnique.Preseptal => "Preseptal",
        InjectionTechnique.Orbital => "Orbital",
        InjectionTechnique.Subcutaneous => "Subcutaneous",
        InjectionTechnique.Intramuscular => "Intramuscular",
        InjectionTechnique.EmgGuided => "EMG-guided",
        _ => technique.ToString(),
    };

    public static string Of(Nerve nerve) => nerve switch
    {
        Nerve.Facial => "Facial nerve (VII)",
        Nerve.Trigeminal => "Trigeminal nerve (V)",
        _ => nerve.ToString(),
    };

    public static readonly IReadOnlyList<InjectionIndication> Indications =
        [InjectionIndication.HemifacialSpasm, InjectionIndication.Blepharospasm, InjectionIndication.HemimasticatorySpasm, InjectionIndication.Other];

    public static readonly IReadOnlyList<InjectionTechnique> Techniques = Enum.GetValues<InjectionTechnique>();

    /// <summary>"2.5 U": the product's own units, never converted.</summary>
    public static string Units(decimal units) => Number(units) + " U";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Ml(decimal ml) => ml.ToString("0.00#", CultureInfo.InvariantCulture) + " mL";

    public static string Muscle(string code) => ToxinMuscleCatalogue.Find(code)?.Name ?? code;

    /// <summary>A muscle as the picker shows it: trigeminal muscles are labelled, since they are not HFS targets.</summary>
    public static string MuscleOption(ToxinMuscle muscle) =>
        muscle.Nerve == Nerve.Trigeminal ? muscle.Name + " (trigeminal)" : muscle.Name;

    public static string Range(ToxinMuscle muscle) =>
        muscle.ReferenceDoseLow == muscle.ReferenceDoseHigh
            ? Units(muscle.ReferenceDoseLow)
            : Number(muscle.ReferenceDoseLow) + "–" + Units(muscle.ReferenceDoseHigh);

    /// <summary>What an overridden warning code was about (its full text is shown when the warning is raised).</summary>
    public static string Warning(string code) => code switch
    {
        "per-site-max" => "Dose per site above the maximum",
        "per-session-max" => "Session total above the maximum",
        "cumulative-30-days" => "Cumulative dose in 30 days above the limit",
        "interval" => "Interval since the last session shorter than the minimum",
        "booster" => "Booster within the booster window",
        "medial-lower-lid" => "Medial lower-lid site (diplopia risk)",
        "levator" => "Site over the levator (ptosis risk)",
        "trigeminal-in-hfs" => "Trigeminal muscle in a hemifacial-spasm session",
        _ => code,
    };

    /// <summary>A vial as the picker shows it: lot, concentration and what is left.</summary>
    public static string Vial(ToxinVial vial)
    {
        var text = "Lot " + vial.LotNumber;
        if (vial.SalineMl is { } saline && saline > 0)
        {
            text += " · " + Number(Reconstitution.UnitsPer01Ml(vial.UnitsPerVial, saline)) + " U/0.1 mL";
        }

        return text + " · " + Units(vial.UnitsLeft) + " left · expires " + vial.ExpiryDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
    }
}
