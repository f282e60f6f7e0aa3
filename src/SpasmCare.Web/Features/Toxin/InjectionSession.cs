using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// One botulinum toxin session: where, when, by whom, which product, and its injection points. The dose-rule warnings
/// shown when it was saved, and the clinician's written reason for going past them, are kept with it.
/// Never deleted; a session recorded in error is marked so, with a reason (its vial draws stay in the ledger).
/// </summary>
public sealed class InjectionSession : IVersioned
{
    public const int NoteMax = 4000;
    public const int ReasonMax = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid? VisitId { get; set; }
    public Guid SiteId { get; set; }
    public Guid ClinicianId { get; set; }
    [StringLength(256)] public string ClinicianName { get; set; } = "";
    public DateTime InjectedAtUtc { get; set; }
    public InjectionIndication Indication { get; set; }
    public AffectedSide SpasmSide { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>A top-up given within weeks of a full session (DOMAIN §3.5).</summary>
    public bool IsBooster { get; set; }

    /// <summary>Total units of <see cref="ProductId"/> in this session (sum of the points), kept for queries.</summary>
    public decimal TotalUnits { get; set; }

    [StringLength(NoteMax)] public string? Note { get; set; }

    /// <summary>The warning codes the clinician saved past (comma-separated), and why.</summary>
    [StringLength(500)] public string? OverriddenWarnings { get; set; }
    [StringLength(ReasonMax)] public string? OverrideReason { get; set; }

    public bool EnteredInError { get; set; }
    [StringLength(500)] public string? EnteredInErrorReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>
/// One injection point: the muscle (a code from the Clinical muscle catalogue) and side, the units and the volume drawn
/// from a vial, and where it sits on the face map as fractions (0–1) of the map's width and height.
/// </summary>
public sealed class InjectionPoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SessionId { get; init; }
    public int Order { get; set; }
    [StringLength(64)] public string Muscle { get; set; } = "";

    /// <summary>Left or Right (the patient's side).</summary>
    public AffectedSide Side { get; set; }

    public decimal Units { get; set; }
    public decimal VolumeMl { get; set; }
    public InjectionTechnique Technique { get; set; }
    public Guid VialId { get; set; }
    public double MapX { get; set; }
    public double MapY { get; set; }
}
