namespace SpasmCare.Web.Features.Surgery;

/// <summary>Complications after MVD (DOMAIN §4.1, §4.3).</summary>
public enum MvdComplicationKind
{
    FacialPalsy = 0,
    DelayedFacialPalsy = 1,
    HearingLoss = 2,
    CsfLeak = 3,
    WoundInfection = 4,
    LowerCranialNervePalsy = 5,
    CerebellarInjury = 6,
    Stroke = 7,
    Death = 8,
    Other = 9,
}

public enum ComplicationCourse
{
    /// <summary>Not yet known whether it will resolve.</summary>
    Ongoing = 0,
    Transient = 1,
    Permanent = 2,
}

public sealed class MvdComplication : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid PatientId { get; init; }
    public MvdComplicationKind Kind { get; set; }
    [StringLength(200)] public string? OtherDescription { get; set; }

    /// <summary>House–Brackmann grade I–VI (1–6), for facial palsy.</summary>
    public int? HouseBrackmannGrade { get; set; }

    public DateOnly OnsetOn { get; set; }
    public ComplicationCourse Course { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    [StringLength(2000)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>Spasm after MVD, as the patient and surgeon see it at a follow-up (DOMAIN §2.7 percentage categories).</summary>
public enum SpasmStatus
{
    Gone = 0,
    NinetyPercentBetter = 1,
    AboutHalf = 2,
    Unchanged = 3,
    Worse = 4,
}

/// <summary>A post-operative follow-up at a milestone (1 week, 1, 3, 6, 12 months, then yearly).</summary>
public sealed class MvdFollowUp : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid PatientId { get; init; }
    [StringLength(64)] public string Milestone { get; set; } = "";
    public DateOnly SeenOn { get; set; }
    public SpasmStatus SpasmStatus { get; set; }
    public decimal? Hfs7 { get; set; }
    public int? SmcGrade { get; set; }
    public int? HouseBrackmannGrade { get; set; }
    [StringLength(1000)] public string? Hearing { get; set; }
    [StringLength(2000)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
