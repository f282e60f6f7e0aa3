namespace SpasmCare.Web.Features.Assessments;

public enum VisitType
{
    NewConsultation = 0,
    FollowUp = 1,
    InjectionVisit = 2,
    PostOperativeReview = 3,
    TeleConsultation = 4,
}

/// <summary>
/// A visit (encounter): when and where the patient was seen, by whom and why. Examinations and scale scores hang
/// off it. Never deleted; a visit recorded in error is marked so, with a reason.
/// </summary>
public sealed class Visit : IVersioned
{
    public const int NoteMax = 4000;
    public const int ReasonMax = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid SiteId { get; set; }
    public Guid ClinicianId { get; set; }
    [StringLength(256)] public string ClinicianName { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public VisitType Type { get; set; }
    [StringLength(NoteMax)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }
    [StringLength(ReasonMax)] public string? EnteredInErrorReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
