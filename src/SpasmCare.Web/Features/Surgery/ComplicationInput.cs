using System.Globalization;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>A complication after MVD (DOMAIN §4.1, §4.3), as the form has it.</summary>
public sealed class ComplicationInput : IValidatableObject
{
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Choose the complication.")]
    [EnumDataType(typeof(MvdComplicationKind), ErrorMessage = "Choose a complication from the list.")]
    [Display(Name = "Complication")]
    public MvdComplicationKind? Kind { get; set; }

    [StringLength(200, ErrorMessage = "The description can be at most {1} characters.")]
    [Display(Name = "Describe the complication")]
    public string? OtherDescription { get; set; }

    [Range(1, 6, ErrorMessage = "Choose a House–Brackmann grade from I to VI.")]
    [Display(Name = "House–Brackmann grade")]
    public int? HouseBrackmannGrade { get; set; }

    [Required(ErrorMessage = "Enter the date of onset.")]
    [Display(Name = "Onset")]
    public DateOnly? OnsetOn { get; set; }

    [Required(ErrorMessage = "Choose the course.")]
    [EnumDataType(typeof(ComplicationCourse), ErrorMessage = "Choose a course from the list.")]
    [Display(Name = "Course")]
    public ComplicationCourse? Course { get; set; }

    [Display(Name = "Resolved on")]
    public DateOnly? ResolvedOn { get; set; }

    [StringLength(2000, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public static bool IsFacial(MvdComplicationKind? kind) =>
        kind is MvdComplicationKind.FacialPalsy or MvdComplicationKind.DelayedFacialPalsy;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsFacial(Kind) && HouseBrackmannGrade is null)
        {
            yield return new ValidationResult("Choose the House–Brackmann grade.", [nameof(HouseBrackmannGrade)]);
        }
        else if (Kind is not null && !IsFacial(Kind) && HouseBrackmannGrade is not null)
        {
            yield return new ValidationResult("A House–Brackmann grade applies only to facial palsy.", [nameof(HouseBrackmannGrade)]);
        }

        if (Kind == MvdComplicationKind.Other && string.IsNullOrWhiteSpace(OtherDescription))
        {
            yield return new ValidationResult("Describe the complication.", [nameof(OtherDescription)]);
        }

        switch (Course)
        {
            case ComplicationCourse.Transient when ResolvedOn is null:
                yield return new ValidationResult("A transient complication needs the date it resolved.", [nameof(ResolvedOn)]);
                break;
            case ComplicationCourse.Permanent when ResolvedOn is not null:
                yield return new ValidationResult("A permanent complication has no date of resolution.", [nameof(ResolvedOn)]);
                break;
            case ComplicationCourse.Ongoing when ResolvedOn is not null:
                yield return new ValidationResult("An ongoing complication has not resolved: choose transient, or clear the date.", [nameof(ResolvedOn)]);
                break;
            default:
                break;
        }

        if (Kind == MvdComplicationKind.Death && Course == ComplicationCourse.Transient)
        {
            yield return new ValidationResult("Death cannot be transient.", [nameof(Course)]);
        }

        if (ResolvedOn is { } resolved && OnsetOn is { } onset && resolved < onset)
        {
            yield return new ValidationResult("The resolution cannot be before the onset.", [nameof(ResolvedOn)]);
        }

        if (validationContext.GetService(typeof(ClinicTime)) is ClinicTime clock)
        {
            if (OnsetOn > clock.Today)
            {
                yield return new ValidationResult("The onset cannot be in the future.", [nameof(OnsetOn)]);
            }

            if (ResolvedOn > clock.Today)
            {
                yield return new ValidationResult("The resolution cannot be in the future.", [nameof(ResolvedOn)]);
            }
        }
    }

    /// <summary>Rules that need the case: onset from the day of the operation; delayed facial palsy from the day after.</summary>
    public void CheckAgainst(DateOnly operatedOn)
    {
        if (OnsetOn < operatedOn)
        {
            throw new RuleException("mvd.onset", "The onset cannot be before the operation (" + PathwayLabels.Date(operatedOn) + ").", nameof(OnsetOn));
        }

        if (Kind == MvdComplicationKind.DelayedFacialPalsy && OnsetOn == operatedOn)
        {
            throw new RuleException("mvd.onset", "A delayed facial palsy starts on a day after the operation; on the day itself it is a facial palsy.", nameof(OnsetOn));
        }
    }

    /// <summary>The post-operative day of onset (the day of the operation is day 0).</summary>
    public static int PostOperativeDay(DateOnly onset, DateOnly operatedOn) => onset.DayNumber - operatedOn.DayNumber;

    public static string PostOperativeDayText(DateOnly onset, DateOnly operatedOn) =>
        "post-operative day " + PostOperativeDay(onset, operatedOn).ToString(CultureInfo.InvariantCulture);

    public static ComplicationInput From(MvdComplication c) => new()
    {
        Version = c.Version,
        Kind = c.Kind,
        OtherDescription = c.OtherDescription,
        HouseBrackmannGrade = c.HouseBrackmannGrade,
        OnsetOn = c.OnsetOn,
        Course = c.Course,
        ResolvedOn = c.ResolvedOn,
        Note = c.Note,
    };

    public void ApplyTo(MvdComplication c)
    {
        c.Kind = Kind!.Value;
        c.OtherDescription = Kind == MvdComplicationKind.Other ? MvdCaseRules.Clean(OtherDescription) : null;
        c.HouseBrackmannGrade = IsFacial(Kind) ? HouseBrackmannGrade : null;
        c.OnsetOn = OnsetOn!.Value;
        c.Course = Course!.Value;
        c.ResolvedOn = Course == ComplicationCourse.Transient ? ResolvedOn : null;
        c.Note = MvdCaseRules.Clean(Note);
    }
}

/// <summary>What complications need from their case: its operation date at the hospital.</summary>
public static class ComplicationRules
{
    public const string Subject = "MvdComplication";

    /// <summary>The local date of the case's operation, or null when none is recorded.</summary>
    public static async Task<DateOnly?> OperatedOnAsync(SpasmCareDbContext db, MvdCase c, CancellationToken ct)
    {
        var started = await db.MvdOperations.AsNoTracking().Where(o => o.CaseId == c.Id).Select(o => (DateTime?)o.StartedAtUtc).FirstOrDefaultAsync(ct);
        if (started is not { } start)
        {
            return null;
        }

        var zone = await MvdCaseRules.HospitalZoneAsync(db, c.HospitalSiteId, ct);
        return DateOnly.FromDateTime(MvdCaseRules.ToLocal(start, zone));
    }

    /// <summary>Marking a complication permanent, or changing one that is, is a doctor's call.</summary>
    public static void PermanentNeedsDoctor(bool byDoctor, ComplicationCourse? wanted, ComplicationCourse? saved)
    {
        if (!byDoctor && (wanted == ComplicationCourse.Permanent || saved == ComplicationCourse.Permanent) && wanted != saved)
        {
            throw new RuleException("mvd.permanent", "Only a doctor can mark a complication permanent, or change one that is.", nameof(ComplicationInput.Course));
        }
    }
}
