using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Where a case is on its way, derived from what has been recorded (see the Surgery feature's rules).</summary>
public enum MvdCaseStatus
{
    Referred = 0,
    ReadyForSurgery = 1,
    Booked = 2,
    Operated = 3,
    Discharged = 4,
    Closed = 8,
    Cancelled = 9,
}

/// <summary>The risks discussed when consent was taken (DOMAIN §4.1); all must be ticked for a complete checklist.</summary>
[Flags]
public enum MvdConsentRisks
{
    None = 0,
    HearingLoss = 1,
    FacialPalsy = 2,
    CsfLeak = 4,
    Stroke = 8,
    Death = 16,
    Recurrence = 32,
    DelayedCure = 64,
    All = HearingLoss | FacialPalsy | CsfLeak | Stroke | Death | Recurrence | DelayedCure,
}

/// <summary>What was found at a redo operation to explain the recurrence or failure (DOMAIN §4.6).</summary>
public enum RedoCause
{
    Unknown = 0,
    ImplantAdhesion = 1,
    MissedVessel = 2,
    Granuloma = 3,
    Other = 9,
}

/// <summary>
/// One microvascular decompression episode, referral to final follow-up: the referral, the pre-operative checklist,
/// the booking, the hospital stay. The operation, complications and follow-ups hang off it. A redo is a new case
/// whose <see cref="RedoOfCaseId"/> names the first.
/// </summary>
public sealed class MvdCase : IVersioned
{
    public const int TextMax = 2000;
    public const int NameMax = 256;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public MvdCaseStatus Status { get; set; }
    public AffectedSide Side { get; set; }

    // Referral
    public DateTime ReferredAtUtc { get; set; }
    public Guid ReferredBy { get; set; }
    [StringLength(NameMax)] public string ReferredByName { get; set; } = "";
    [StringLength(TextMax)] public string Indication { get; set; } = "";
    public int? SmcGradeAtReferral { get; set; }
    public decimal? Hfs7AtReferral { get; set; }
    public Guid? ImagingStudyId { get; set; }
    [StringLength(TextMax)] public string? ImagingFinding { get; set; }
    public Guid? RedoOfCaseId { get; set; }
    public RedoCause RedoCause { get; set; }

    // Pre-operative checklist
    public bool ImagingShowsContact { get; set; }
    public DateOnly? AudiogramOn { get; set; }
    [StringLength(TextMax)] public string? AudiogramResult { get; set; }
    public DateOnly? BaepBaselineOn { get; set; }
    public DateOnly? AnaesthesiaFitOn { get; set; }
    [StringLength(TextMax)] public string? AnaesthesiaNote { get; set; }
    public DateOnly? ConsentOn { get; set; }
    [StringLength(NameMax)] public string? ConsentTakenBy { get; set; }
    public MvdConsentRisks RisksDiscussed { get; set; }
    [StringLength(TextMax)] public string? MedicationsToStop { get; set; }
    public bool MedicationsReviewed { get; set; }
    [StringLength(1000)] public string? ReadyOverrideReason { get; set; }
    [StringLength(NameMax)] public string? ReadyOverriddenBy { get; set; }

    // Booking (a hospital site with a theatre)
    public Guid? HospitalSiteId { get; set; }
    [StringLength(100)] public string? Theatre { get; set; }
    public DateTime? ScheduledStartUtc { get; set; }
    public int? ScheduledMinutes { get; set; }
    public Guid? SurgeonId { get; set; }
    [StringLength(NameMax)] public string? SurgeonName { get; set; }
    [StringLength(NameMax)] public string? AssistantName { get; set; }
    [StringLength(NameMax)] public string? AnaesthetistName { get; set; }

    // Stay
    public DateTime? AdmittedAtUtc { get; set; }
    public DateTime? DischargedAtUtc { get; set; }
    [StringLength(4000)] public string? DischargeSummary { get; set; }

    // Outcome
    /// <summary>The surgeon's explicit call that the operation failed, before the delayed-cure window ends.</summary>
    public bool DeclaredFailed { get; set; }
    [StringLength(1000)] public string? DeclaredFailedReason { get; set; }

    /// <summary>The date the spasm came back after a cure; opens a recurrence episode.</summary>
    public DateOnly? RecurredOn { get; set; }

    [StringLength(500)] public string? CancelledReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum SurgicalApproach
{
    Retrosigmoid = 0,
    Infrafloccular = 1,
    Other = 9,
}

[Flags]
public enum DecompressionTechnique
{
    None = 0,
    Interposition = 1,
    Transposition = 2,
}

public enum LsrFinalStatus
{
    NotMonitored = 0,
    Disappeared = 1,
    Persisted = 2,
    Reduced = 3,
}

/// <summary>The operative record (DOMAIN §1.6, §4.5): findings, technique, LSR and BAEP monitoring.</summary>
public sealed class MvdOperation : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CaseId { get; init; }
    public Guid PatientId { get; init; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime EndedAtUtc { get; set; }
    public AffectedSide Side { get; set; }
    public SurgicalApproach Approach { get; set; }
    [StringLength(NameMax)] public string SurgeonName { get; set; } = "";

    public OffendingVessels Vessels { get; set; }
    public ContactSite CompressionSite { get; set; }
    public int? CompressionSites { get; set; }
    public bool? Indentation { get; set; }
    public DecompressionTechnique Technique { get; set; }
    [StringLength(200)] public string? Implant { get; set; }

    public bool? LsrBaselinePresent { get; set; }
    public decimal? LsrBaselineAmplitudeUv { get; set; }
    public decimal? LsrBaselineLatencyMs { get; set; }
    public LsrFinalStatus LsrFinal { get; set; }
    public DateTime? LsrDisappearedAtUtc { get; set; }

    public decimal? BaepWaveVLatencyChangeMs { get; set; }
    public decimal? BaepWaveVAmplitudeChangePercent { get; set; }

    [StringLength(8000)] public string? Notes { get; set; }

    public const int NameMax = 256;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>One reading of the lateral spread response during the operation, e.g. after each decompression step.</summary>
public sealed class LsrReading
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OperationId { get; init; }
    public int Order { get; set; }
    [StringLength(200)] public string Step { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public bool Present { get; set; }
    public decimal? AmplitudeUv { get; set; }
    public decimal? LatencyMs { get; set; }
}
