namespace SpasmCare.Web.Features.Assessments;

/// <summary>What a doctor or nurse enters to record or correct a visit. Date and time are the site's local time.</summary>
public sealed class VisitInput
{
    [Required(ErrorMessage = "Enter the date of the visit.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the time the visit began.")]
    [Display(Name = "Time")]
    public TimeOnly? Time { get; set; }

    [Required(ErrorMessage = "Choose the site of the visit.")]
    [Display(Name = "Site")]
    public Guid? SiteId { get; set; }

    [Required(ErrorMessage = "Choose the clinician who saw the patient.")]
    [Display(Name = "Clinician")]
    public Guid? ClinicianId { get; set; }

    [Required(ErrorMessage = "Choose the type of visit.")]
    [EnumDataType(typeof(VisitType), ErrorMessage = "Choose a type of visit from the list.")]
    [Display(Name = "Type of visit")]
    public VisitType? Type { get; set; }

    [StringLength(Visit.NoteMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    /// <summary>The version the editor started from (edits only).</summary>
    public Guid Version { get; set; }

    public static VisitInput From(Visit visit, string zoneId)
    {
        var local = VisitTime.Local(visit.StartedAtUtc, zoneId);
        return new VisitInput
        {
            Date = DateOnly.FromDateTime(local),
            Time = new TimeOnly(local.Hour, local.Minute),
            SiteId = visit.SiteId,
            ClinicianId = visit.ClinicianId,
            Type = visit.Type,
            Note = visit.Note,
            Version = visit.Version,
        };
    }
}

public static class VisitTypes
{
    public static string Label(VisitType type) => type switch
    {
        VisitType.NewConsultation => "New consultation",
        VisitType.FollowUp => "Follow-up",
        VisitType.InjectionVisit => "Injection visit",
        VisitType.PostOperativeReview => "Post-operative review",
        VisitType.TeleConsultation => "Tele-consultation",
        _ => type.ToString(),
    };
}
