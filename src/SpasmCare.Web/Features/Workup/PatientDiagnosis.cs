using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// A diagnosis on the patient's record, from <c>SpasmCare.Clinical.Diagnoses</c>. The codes are stored as they were
/// derived when saved (for reports and exports), next to the facts they were derived from. Shown in the patient
/// header while current; a diagnosis recorded in error or replaced stays in the history.
/// </summary>
public sealed class PatientDiagnosis : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public ClinicalCondition Condition { get; set; }
    public AffectedSide Side { get; set; }
    public DiagnosisCertainty Certainty { get; set; }
    /// <summary>Primary or secondary; only for hemifacial spasm, null otherwise.</summary>
    public HfsEtiology? Etiology { get; set; }
    public SecondaryCause? Cause { get; set; }
    [StringLength(500)] public string? CauseDetail { get; set; }
    public DateOnly? OnsetDate { get; set; }
    [StringLength(16)] public string? Icd10 { get; set; }
    [StringLength(16)] public string? Icd10Cm { get; set; }
    [StringLength(32)] public string? SnomedCt { get; set; }
    [StringLength(ImagingStudy.TextMax)] public string? Note { get; set; }
    public bool IsCurrent { get; set; } = true;
    public bool EnteredInError { get; set; }
    [StringLength(500)] public string? EndedReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
