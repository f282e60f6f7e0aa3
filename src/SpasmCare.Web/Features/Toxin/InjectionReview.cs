using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// A follow-up of one session (the onset check at day 3–5, the peak review at 2–4 weeks, or a later call): how well it
/// worked, when it started, and — once known — the day it wore off, which gives the duration of benefit.
/// </summary>
public sealed class InjectionReview : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public Guid PatientId { get; init; }
    public DateTime ReviewedAtUtc { get; set; }
    [StringLength(256)] public string ReviewedByName { get; set; } = "";
    public ToxinResponse? Response { get; set; }
    public int? ImprovementPercent { get; set; }
    public int? OnsetDay { get; set; }
    public DateOnly? WoreOffOn { get; set; }
    [StringLength(InjectionSession.NoteMax)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }
    [StringLength(500)] public string? EnteredInErrorReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>The adverse-effect checklist of DOMAIN §3.6.</summary>
public enum ToxinAdverseEffectKind
{
    Ptosis = 0,
    BrowPtosis = 1,
    Lagophthalmos = 2,
    DryEyeOrWatering = 3,
    Diplopia = 4,
    MouthDroopOrDrooling = 5,
    CheekAsymmetry = 6,
    Bruising = 7,
    Other = 9,
}

public enum Severity
{
    Mild = 0,
    Moderate = 1,
    Severe = 2,
}

/// <summary>An adverse effect after a session, with severity, onset and (when it has gone) resolution.</summary>
public sealed class ToxinAdverseEffect : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public Guid PatientId { get; init; }
    public Guid? ReviewId { get; init; }
    public ToxinAdverseEffectKind Kind { get; set; }
    [StringLength(200)] public string? OtherDescription { get; set; }
    public Severity Severity { get; set; }
    public DateOnly OnsetOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public bool EnteredInError { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum ResistanceTestKind
{
    /// <summary>Unilateral brow (frontalis) test: toxin above one eye, brow raise at 2–4 weeks (DOMAIN §3.9).</summary>
    Frontalis = 0,

    /// <summary>Extensor digitorum brevis test: CMAP reduction after injection.</summary>
    ExtensorDigitorumBrevis = 1,

    /// <summary>Mouse protection (neutralisation) assay, sent out.</summary>
    MouseProtectionAssay = 2,
}

public enum ResistanceTestResult
{
    Pending = 0,

    /// <summary>Asymmetry / CMAP fell: the toxin still works, immunoresistance excluded.</summary>
    ToxinEffective = 1,

    /// <summary>No effect: consistent with neutralising antibodies.</summary>
    NoEffect = 2,

    Inconclusive = 3,
}

/// <summary>A test for immunoresistance after possible secondary non-response.</summary>
public sealed class ResistanceTest : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public ResistanceTestKind Kind { get; set; }
    public DateOnly PerformedOn { get; set; }
    public Guid? ProductId { get; set; }
    public decimal? Units { get; set; }
    public DateOnly? ReadOn { get; set; }
    public ResistanceTestResult Result { get; set; }
    [StringLength(InjectionSession.NoteMax)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
