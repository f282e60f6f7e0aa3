namespace SpasmCare.Web.Features.Workup;

/// <summary>Lateral spread response and blink-reflex synkinesis (DOMAIN §1.7).</summary>
public sealed class ElectrophysiologyStudy : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public DateOnly StudyDate { get; set; }
    public bool? LateralSpreadPresent { get; set; }
    public decimal? LateralSpreadLatencyMs { get; set; }
    public decimal? LateralSpreadAmplitudeUv { get; set; }
    public bool? BlinkReflexSynkinesis { get; set; }
    [StringLength(ImagingStudy.TextMax)] public string? Note { get; set; }
    public bool EnteredInError { get; set; }
    [StringLength(500)] public string? EnteredInErrorReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
