using System.Globalization;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The review form of one session (DOMAIN §3.4–3.6): when, which follow-up it answers, the response at its peak with
/// the % improvement, the onset day, the adverse-effect checklist and — once the patient reports it — the day the effect
/// wore off. Rules that need the session (nothing before the injection) are checked by the handlers.
/// </summary>
public sealed class ReviewInput : IValidatableObject
{
    public const int NoteMax = InjectionSession.NoteMax;

    /// <summary>Local date and time of the review (a call or a visit).</summary>
    [Required(ErrorMessage = "Enter when the review was done.")]
    [Display(Name = "When")]
    public DateTime? ReviewedAt { get; set; }

    /// <summary>Which follow-up task this review answers; null: decided from the date (<see cref="ToxinFollowUps.KindFor"/>).</summary>
    [EnumDataType(typeof(FollowUpKind), ErrorMessage = "Choose the follow-up from the list.")]
    [Display(Name = "This review is the")]
    public FollowUpKind? Answers { get; set; }

    [EnumDataType(typeof(ToxinResponse), ErrorMessage = "Choose the response from the list.")]
    [Display(Name = "Response")]
    public ToxinResponse? Response { get; set; }

    [Range(0, 100, ErrorMessage = "Enter an improvement from {1} to {2} %.")]
    [Display(Name = "Improvement (%)")]
    public int? ImprovementPercent { get; set; }

    [Range(0, 60, ErrorMessage = "Enter an onset day from {1} to {2} (days after the injection).")]
    [Display(Name = "Onset day")]
    public int? OnsetDay { get; set; }

    [Display(Name = "Date the effect wore off")]
    public DateOnly? WoreOffOn { get; set; }

    [StringLength(NoteMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    /// <summary>One row per checklist item (DOMAIN §3.6); on an edit, existing effects carry their id and version.</summary>
    public List<AdverseEffectInput> AdverseEffects { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var clock = validationContext.GetService(typeof(ClinicTime)) as ClinicTime;
        if (clock is not null && ReviewedAt is { } at && at > clock.LocalNow().AddMinutes(5))
        {
            yield return new ValidationResult("The review cannot be in the future.", [nameof(ReviewedAt)]);
        }

        if (Answers is { } answers && !ToxinFollowUps.Kinds.Contains(answers))
        {
            yield return new ValidationResult("Choose the onset check or the peak review.", [nameof(Answers)]);
        }

        if (clock is not null && WoreOffOn > clock.Today)
        {
            yield return new ValidationResult("The date it wore off cannot be in the future.", [nameof(WoreOffOn)]);
        }

        if (Response == ToxinResponse.None && ImprovementPercent > ReviewLabels.NoneMaxPercent)
        {
            yield return new ValidationResult(
                $"A response of \"none\" cannot have an improvement over {ReviewLabels.NoneMaxPercent} %: choose partial, or correct the %.",
                [nameof(ImprovementPercent)]);
        }

        var kinds = new HashSet<ToxinAdverseEffectKind>();
        for (var i = 0; i < AdverseEffects.Count; i++)
        {
            var row = AdverseEffects[i];
            var prefix = $"{nameof(AdverseEffects)}[{i}].";
            if (!Enum.IsDefined(row.Kind))
            {
                yield return new ValidationResult("Choose adverse effects from the checklist.", [prefix + nameof(AdverseEffectInput.Kind)]);
                continue;
            }

            if (row.IsRecorded && !kinds.Add(row.Kind))
            {
                yield return new ValidationResult($"{ReviewLabels.Of(row.Kind)} is in the list twice; keep one.", [prefix + nameof(AdverseEffectInput.Kind)]);
            }

            foreach (var error in row.Validate(prefix, clock?.Today))
            {
                yield return error;
            }
        }

        if (Response is null && ImprovementPercent is null && OnsetDay is null && WoreOffOn is null
            && !AdverseEffects.Any(a => a.IsRecorded) && string.IsNullOrWhiteSpace(Note))
        {
            yield return new ValidationResult(
                "Record at least one finding: the response, the onset day, an adverse effect, the date it wore off or a note.",
                [nameof(Response)]);
        }
    }

    /// <summary>A blank form for a new review: now, decided from the date, the whole checklist unticked.</summary>
    public static ReviewInput Blank(DateTime localNow, FollowUpKind? answers) => new()
    {
        ReviewedAt = localNow,
        Answers = answers is { } a && ToxinFollowUps.Kinds.Contains(a) ? a : null,
        AdverseEffects = [.. ReviewLabels.Checklist.Select(k => new AdverseEffectInput { Kind = k })],
    };

    /// <summary>The form of a saved review: its effects first, then the rest of the checklist unticked.</summary>
    public static ReviewInput From(InjectionReview review, IReadOnlyList<ToxinAdverseEffect> effects, ClinicTime clock)
    {
        var rows = effects.Where(e => !e.EnteredInError).OrderBy(e => e.Kind).Select(AdverseEffectInput.From).ToList();
        rows.AddRange(ReviewLabels.Checklist
            .Where(k => rows.All(r => r.Kind != k))
            .Select(k => new AdverseEffectInput { Kind = k }));
        var local = clock.Local(review.ReviewedAtUtc);
        return new ReviewInput
        {
            ReviewedAt = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified),
            Response = review.Response,
            ImprovementPercent = review.ImprovementPercent,
            OnsetDay = review.OnsetDay,
            WoreOffOn = review.WoreOffOn,
            Note = review.Note,
            AdverseEffects = [.. rows.OrderBy(r => ReviewLabels.Order(r.Kind))],
        };
    }

    public void ApplyTo(InjectionReview review, DateTime reviewedAtUtc)
    {
        review.ReviewedAtUtc = reviewedAtUtc;
        review.Response = Response;
        review.ImprovementPercent = ImprovementPercent;
        review.OnsetDay = OnsetDay;
        review.WoreOffOn = WoreOffOn;
        review.Note = Clean(Note);
    }

    /// <summary>The form as people read it, field by field (for the conflict table).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe()
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("When", ReviewedAt?.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) ?? "—"),
            new("Response", ReviewLabels.Of(Response)),
            new("Improvement", ImprovementPercent is { } p ? p.ToString(CultureInfo.InvariantCulture) + " %" : "—"),
            new("Onset day", OnsetDay?.ToString(CultureInfo.InvariantCulture) ?? "—"),
            new("Wore off on", ReviewLabels.Date(WoreOffOn)),
            new("Note", string.IsNullOrWhiteSpace(Note) ? "—" : Note.Trim()),
        ];
        fields.AddRange(ReviewLabels.Checklist.Select(k =>
            new KeyValuePair<string, string>(ReviewLabels.Of(k),
                AdverseEffects.FirstOrDefault(a => a.Kind == k && a.IsRecorded && !a.EnteredInError)?.Describe() ?? "—")));
        return fields;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The words shown for review values, in one place for the forms, the card and the conflict tables.</summary>
public static class ReviewLabels
{
    /// <summary>The most % improvement a response of "none" may carry (anything more is at least partial).</summary>
    public const int NoneMaxPercent = 25;

    /// <summary>The adverse-effect checklist of DOMAIN §3.6, in the order the form shows it.</summary>
    public static IReadOnlyList<ToxinAdverseEffectKind> Checklist { get; } =
    [
        ToxinAdverseEffectKind.Ptosis, ToxinAdverseEffectKind.BrowPtosis, ToxinAdverseEffectKind.Lagophthalmos,
        ToxinAdverseEffectKind.DryEyeOrWatering, ToxinAdverseEffectKind.Diplopia, ToxinAdverseEffectKind.MouthDroopOrDrooling,
        ToxinAdverseEffectKind.CheekAsymmetry, ToxinAdverseEffectKind.Bruising, ToxinAdverseEffectKind.Other,
    ];

    public static IReadOnlyList<ToxinResponse> Responses { get; } =
        [ToxinResponse.None, ToxinResponse.Partial, ToxinResponse.Good, ToxinResponse.Excellent];

    public static IReadOnlyList<Severity> Severities { get; } = [Severity.Mild, Severity.Moderate, Severity.Severe];

    public static int Order(ToxinAdverseEffectKind kind)
    {
        var i = Checklist.ToList().IndexOf(kind);
        return i < 0 ? int.MaxValue : i;
    }

    public static string Of(ToxinAdverseEffectKind kind) => kind switch
    {
        ToxinAdverseEffectKind.Ptosis => "Ptosis",
        ToxinAdverseEffectKind.BrowPtosis => "Brow ptosis",
        ToxinAdverseEffectKind.Lagophthalmos => "Lagophthalmos (incomplete closure)",
        ToxinAdverseEffectKind.DryEyeOrWatering => "Dry eye or watering",
        ToxinAdverseEffectKind.Diplopia => "Diplopia",
        ToxinAdverseEffectKind.MouthDroopOrDrooling => "Mouth droop or drooling",
        ToxinAdverseEffectKind.CheekAsymmetry => "Cheek asymmetry",
        ToxinAdverseEffectKind.Bruising => "Bruising",
        ToxinAdverseEffectKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(ToxinResponse? response) => response switch
    {
        ToxinResponse.None => "None",
        ToxinResponse.Partial => "Partial",
        ToxinResponse.Good => "Good",
        ToxinResponse.Excellent => "Excellent",
        null => "—",
        _ => response.Value.ToString(),
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Mild => "Mild",
        Severity.Moderate => "Moderate",
        Severity.Severe => "Severe",
        _ => severity.ToString(),
    };

    public static string Of(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ToxinOnsetCheck => "Onset check (day 3–5)",
        FollowUpKind.ToxinPeakReview => "Peak review (2–4 weeks)",
        FollowUpKind.MvdFollowUp => "MVD follow-up",
        _ => kind.ToString(),
    };

    /// <summary>"Good, 70 %", "None", "—".</summary>
    public static string Response(ToxinResponse? response, int? percent) =>
        response is null && percent is null ? "—"
        : percent is { } p ? $"{Of(response)}, {p.ToString(CultureInfo.InvariantCulture)} %".TrimStart('—', ',', ' ')
        : Of(response);

    public static string Date(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Units(decimal units) => units.ToString("0.##", CultureInfo.InvariantCulture) + " U";

    public static string Days(int? days) => days is { } d ? d.ToString(CultureInfo.InvariantCulture) + " days" : "—";
}
