using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>The fields of a post-operative follow-up, for recording and editing.</summary>
public sealed class FollowUpInput : IValidatableObject
{
    public const int HearingMax = 1000;
    public const int NoteMax = 2000;

    [Required(ErrorMessage = "Choose the follow-up milestone.")]
    [StringLength(64)]
    [Display(Name = "Milestone")]
    public string? Milestone { get; set; }

    [Required(ErrorMessage = "Enter the date the patient was seen.")]
    [Display(Name = "Date seen")]
    public DateOnly? SeenOn { get; set; }

    [Required(ErrorMessage = "Choose how the spasm is now.")]
    [Display(Name = "Spasm now")]
    public SpasmStatus? SpasmStatus { get; set; }

    [Range(0, 28, ErrorMessage = "Enter an HFS-7 total from {1} to {2}.")]
    [Display(Name = "HFS-7 total")]
    public decimal? Hfs7 { get; set; }

    [Range(1, 4, ErrorMessage = "Choose an SMC grade from I to IV.")]
    [Display(Name = "SMC grade")]
    public int? SmcGrade { get; set; }

    [Range(1, 6, ErrorMessage = "Choose a House–Brackmann grade from I to VI.")]
    [Display(Name = "House–Brackmann grade")]
    public int? HouseBrackmannGrade { get; set; }

    [StringLength(HearingMax, ErrorMessage = "Keep the hearing note to {1} characters.")]
    [Display(Name = "Hearing")]
    public string? Hearing { get; set; }

    [StringLength(NoteMax, ErrorMessage = "Keep the note to {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Milestone is { } m && !FollowUpSchedule.Labels(FollowUpLabels.YearsOffered).Contains(m.Trim(), StringComparer.Ordinal))
        {
            yield return new ValidationResult("Choose a milestone from the list.", [nameof(Milestone)]);
        }

        if (SpasmStatus is { } s && !Enum.IsDefined(s))
        {
            yield return new ValidationResult("Choose how the spasm is now.", [nameof(SpasmStatus)]);
        }

        if (Hfs7 is { } h && h != Math.Round(h))
        {
            yield return new ValidationResult("The HFS-7 total is a whole number.", [nameof(Hfs7)]);
        }

        if (SpasmStatus == Surgery.SpasmStatus.Gone && SmcGrade is not null)
        {
            yield return new ValidationResult("Leave the SMC grade empty when the spasm is gone: it grades spasm that is there.", [nameof(SmcGrade)]);
        }
    }

    public void ApplyTo(MvdFollowUp f)
    {
        ArgumentNullException.ThrowIfNull(f);
        f.Milestone = Milestone!.Trim();
        f.SeenOn = SeenOn!.Value;
        f.SpasmStatus = SpasmStatus!.Value;
        f.Hfs7 = Hfs7;
        f.SmcGrade = SmcGrade;
        f.HouseBrackmannGrade = HouseBrackmannGrade;
        f.Hearing = MvdCaseRules.Clean(Hearing);
        f.Note = MvdCaseRules.Clean(Note);
    }

    public static FollowUpInput From(MvdFollowUp f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new()
        {
            Milestone = f.Milestone,
            SeenOn = f.SeenOn,
            SpasmStatus = f.SpasmStatus,
            Hfs7 = Whole(f.Hfs7),
            SmcGrade = f.SmcGrade,
            HouseBrackmannGrade = f.HouseBrackmannGrade,
            Hearing = f.Hearing,
            Note = f.Note,
        };
    }

    /// <summary>A whole number without trailing zeros ("6", not "6.00"), so the form shows what a person typed.</summary>
    public static decimal? Whole(decimal? value) => value is { } v && v == Math.Round(v) ? Math.Round(v, 0) : value;

    /// <summary>The saved values in words, to explain an edit conflict.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        new("Milestone", Milestone ?? ""),
        new("Date seen", SeenOn is { } d ? FollowUpLabels.Date(d) : ""),
        new("Spasm now", SpasmStatus is { } s ? FollowUpLabels.Of(s) : ""),
        new("HFS-7 total", Hfs7?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        new("SMC grade", FollowUpLabels.Roman(SmcGrade)),
        new("House–Brackmann grade", FollowUpLabels.Roman(HouseBrackmannGrade)),
        new("Hearing", Hearing ?? ""),
        new("Note", Note ?? ""),
    ];
}

/// <summary>Words for the follow-up and outcome pages.</summary>
public static class FollowUpLabels
{
    /// <summary>Yearly milestones offered in the picker (the tasks run to 5 years; later visits use "N years").</summary>
    public const int YearsOffered = 10;

    public static IReadOnlyList<SpasmStatus> Statuses { get; } = Enum.GetValues<SpasmStatus>();

    public static string Of(SpasmStatus s) => s switch
    {
        SpasmStatus.Gone => "Gone",
        SpasmStatus.NinetyPercentBetter => "≥90 % better",
        SpasmStatus.AboutHalf => "About half better",
        SpasmStatus.Unchanged => "Unchanged",
        SpasmStatus.Worse => "Worse",
        _ => s.ToString(),
    };

    /// <summary>How much better, as a share, for the course chart: gone 100, ≥90 % 90, about half 50, unchanged 0, worse −20.</summary>
    public static int Improvement(SpasmStatus s) => s switch
    {
        SpasmStatus.Gone => 100,
        SpasmStatus.NinetyPercentBetter => 90,
        SpasmStatus.AboutHalf => 50,
        SpasmStatus.Unchanged => 0,
        _ => -20,
    };

    public static SpasmState ToClinical(SpasmStatus s) => (SpasmState)(int)s;

    public static string Of(CureState s) => s switch
    {
        CureState.NoFollowUp => "No follow-up yet",
        CureState.CuredImmediately => "Cured immediately",
        CureState.CuredDelayed => "Cured (delayed)",
        CureState.NotYetCured => "Not yet cured — within the window",
        CureState.Failed => "Failed",
        CureState.Recurred => "Recurred",
        _ => s.ToString(),
    };

    public static string Roman(int? grade) => grade switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        null => "",
        _ => grade.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Date(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
