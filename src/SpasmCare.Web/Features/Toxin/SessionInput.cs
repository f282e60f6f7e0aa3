using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The injection-session form: where and when (the site's local time), why, which product, and one row per injection
/// point. The face map and the points table edit the same rows. A row left completely empty is ignored, so the form
/// can always offer a blank row to fill in.
/// </summary>
public sealed class SessionInput : IValidatableObject
{
    public const int PointsMax = 60;
    public const decimal UnitsMax = 100m;

    [Required(ErrorMessage = "Choose the site where the injections were given.")]
    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    [Required(ErrorMessage = "Enter the date of the session.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the time of the session.")]
    [Display(Name = "Time")]
    public TimeOnly? Time { get; set; }

    [Required(ErrorMessage = "Choose what the injections were for.")]
    [EnumDataType(typeof(InjectionIndication), ErrorMessage = "Choose an indication from the list.")]
    [Display(Name = "Indication")]
    public InjectionIndication? Indication { get; set; }

    [Required(ErrorMessage = "Choose the side of the spasm.")]
    [Display(Name = "Side of the spasm")]
    public AffectedSide? SpasmSide { get; set; }

    [Required(ErrorMessage = "Choose the toxin product.")]
    [Display(Name = "Product")]
    public Guid? ProductId { get; set; }

    [Display(Name = "Booster (a top-up within weeks of a full session)")]
    public bool IsBooster { get; set; }

    [StringLength(InjectionSession.NoteMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public List<PointInput> Points { get; set; } = [];

    /// <summary>
    /// The warning codes the page showed the person. Only used to check that they saw every warning they are
    /// overriding: the warnings themselves are always computed again on the server.
    /// </summary>
    public List<string> AcknowledgedWarnings { get; set; } = [];

    [Display(Name = "I have read these warnings")]
    public bool WarningsRead { get; set; }

    [StringLength(InjectionSession.ReasonMax, ErrorMessage = "The reason can be at most {1} characters.")]
    [Display(Name = "Why you are going past these warnings")]
    public string? OverrideReason { get; set; }

    /// <summary>The version the editor started from (edits only).</summary>
    public Guid Version { get; set; }

    /// <summary>The rows that hold anything, with their index in <see cref="Points"/> (for errors beside the row).</summary>
    public IReadOnlyList<(int Index, PointInput Point)> FilledPoints() =>
        Points.Select((p, i) => (i, p)).Where(x => !x.p.IsBlank).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SpasmSide is not (AffectedSide.Left or AffectedSide.Right or AffectedSide.Both))
        {
            yield return new ValidationResult("Choose the side of the spasm: left, right or both.", [nameof(SpasmSide)]);
        }

        var filled = FilledPoints();
        if (filled.Count == 0)
        {
            yield return new ValidationResult("Add at least one injection point.", [nameof(Points)]);
        }
        else if (filled.Count > PointsMax)
        {
            yield return new ValidationResult($"A session can have at most {PointsMax} points.", [nameof(Points)]);
        }

        foreach (var (i, point) in filled)
        {
            foreach (var error in point.Validate(i))
            {
                yield return error;
            }
        }
    }

    /// <summary>The points as the dose rules read them (filled rows only; call after validation).</summary>
    public IReadOnlyList<PlannedPoint> Planned() =>
        FilledPoints()
            .Select(x => new PlannedPoint(x.Point.Muscle!.Trim(), x.Point.Side!.Value, x.Point.Units!.Value,
                x.Point.Technique ?? ToxinMuscleCatalogue.Find(x.Point.Muscle.Trim())?.DefaultTechnique ?? InjectionTechnique.Standard))
            .ToList();

    public decimal TotalUnits() => FilledPoints().Sum(x => x.Point.Units ?? 0m);

    public static SessionInput From(InjectionSession session, IEnumerable<InjectionPoint> points, string zoneId)
    {
        var local = VisitTime.Local(session.InjectedAtUtc, zoneId);
        return new SessionInput
        {
            SiteId = session.SiteId,
            Date = DateOnly.FromDateTime(local),
            Time = new TimeOnly(local.Hour, local.Minute),
            Indication = session.Indication,
            SpasmSide = session.SpasmSide,
            ProductId = session.ProductId,
            IsBooster = session.IsBooster,
            Note = session.Note,
            Version = session.Version,
            Points = points.OrderBy(p => p.Order).Select(PointInput.From).ToList(),
        };
    }

    /// <summary>The form as people read it, field by field (for the edit-conflict table).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(Func<Guid?, string> siteName, Func<Guid?, string> productName, Func<Guid?, string> vialName)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Date", Date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—"),
            new("Time", Time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "—"),
            new("Site", siteName(SiteId)),
            new("Indication", Indication is { } ind ? SessionLabels.Of(ind) : "—"),
            new("Side of the spasm", SpasmSide is { } side ? SessionLabels.Of(side) : "—"),
            new("Product", productName(ProductId)),
            new("Booster", IsBooster ? "Yes" : "No"),
            new("Note", string.IsNullOrWhiteSpace(Note) ? "—" : Note.Trim()),
            new("Number of points", FilledPoints().Count.ToString(CultureInfo.InvariantCulture)),
            new("Total units", SessionLabels.Units(TotalUnits())),
        };
        var n = 0;
        foreach (var (_, p) in FilledPoints())
        {
            n++;
            fields.Add(new($"Point {n}", p.Describe(vialName)));
        }

        return fields;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One row of the points table (one injection point).</summary>
public sealed class PointInput
{
    [Display(Name = "Muscle")]
    public string? Muscle { get; set; }

    [Display(Name = "Side")]
    public AffectedSide? Side { get; set; }

    [Display(Name = "Units")]
    public decimal? Units { get; set; }

    [Display(Name = "Technique")]
    public InjectionTechnique? Technique { get; set; }

    [Display(Name = "Vial")]
    public Guid? VialId { get; set; }

    /// <summary>Where the point sits on the face map, as fractions (0–1) of its width and height; optional.</summary>
    public double? MapX { get; set; }

    public double? MapY { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Muscle) && Units is null && VialId is null;

    internal IEnumerable<ValidationResult> Validate(int index)
    {
        var at = $"{nameof(SessionInput.Points)}[{index}].";
        var row = $"Point {index + 1}: ";
        if (string.IsNullOrWhiteSpace(Muscle))
        {
            yield return new ValidationResult(row + "choose the muscle.", [at + nameof(Muscle)]);
        }
        else if (ToxinMuscleCatalogue.Find(Muscle.Trim()) is null)
        {
            yield return new ValidationResult(row + "choose a muscle from the list.", [at + nameof(Muscle)]);
        }

        if (Side is not (AffectedSide.Left or AffectedSide.Right))
        {
            yield return new ValidationResult(row + "choose the side, left or right.", [at + nameof(Side)]);
        }

        if (Units is not { } units)
        {
            yield return new ValidationResult(row + "enter the units.", [at + nameof(Units)]);
        }
        else if (units <= 0 || units > SessionInput.UnitsMax)
        {
            yield return new ValidationResult(row + $"the units must be more than 0 and at most {SessionInput.UnitsMax:0}.", [at + nameof(Units)]);
        }
        else if (decimal.Round(units, 2) != units)
        {
            yield return new ValidationResult(row + "enter the units with at most two decimals.", [at + nameof(Units)]);
        }

        if (Technique is { } technique && !Enum.IsDefined(technique))
        {
            yield return new ValidationResult(row + "choose a technique from the list.", [at + nameof(Technique)]);
        }

        if (VialId is null)
        {
            yield return new ValidationResult(row + "choose the vial the units were drawn from.", [at + nameof(VialId)]);
        }

        if (MapX is { } x && (x < 0 || x > 1 || double.IsNaN(x)))
        {
            yield return new ValidationResult(row + "the position on the map must be between 0 and 1.", [at + nameof(MapX)]);
        }

        if (MapY is { } y && (y < 0 || y > 1 || double.IsNaN(y)))
        {
            yield return new ValidationResult(row + "the position on the map must be between 0 and 1.", [at + nameof(MapY)]);
        }
    }

    public static PointInput From(InjectionPoint p) => new()
    {
        Muscle = p.Muscle,
        Side = p.Side,
        Units = p.Units,
        Technique = p.Technique,
        VialId = p.VialId,
        MapX = p.MapX,
        MapY = p.MapY,
    };

    public string Describe(Func<Guid?, string> vialName)
    {
        var muscle = Muscle is null ? "—" : SessionLabels.Muscle(Muscle);
        var side = Side is { } s ? SessionLabels.Of(s) : "—";
        var units = Units is { } u ? SessionLabels.Units(u) : "—";
        var technique = Technique is { } t ? SessionLabels.Of(t) : "—";
        return $"{muscle}, {side.ToLowerInvariant()}, {units}, {technique.ToLowerInvariant()}, vial {vialName(VialId)}";
    }
}
