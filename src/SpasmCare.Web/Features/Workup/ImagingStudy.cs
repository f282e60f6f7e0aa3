using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Workup;

public enum ImagingModality
{
    Mri = 0,
    MriWithMra = 1,
    Ct = 2,
    CtAngiography = 3,
    Other = 4,
}

/// <summary>MRI sequences that show the nerve and its vessels (DOMAIN §1.5).</summary>
[Flags]
public enum ImagingSequences
{
    None = 0,
    Ciss3D = 1,
    Fiesta = 2,
    HeavyT2 = 4,
    TofMra = 8,
    Contrast = 16,
}

/// <summary>Where the vessel meets the facial nerve (DOMAIN §1.5–1.6).</summary>
public enum ContactSite
{
    Unknown = 0,
    RootExitZone = 1,
    AttachedSegment = 2,
    Cisternal = 3,
}

/// <summary>The offending vessels (DOMAIN §1.6); several may compress the nerve together.</summary>
[Flags]
public enum OffendingVessels
{
    None = 0,
    Aica = 1,
    Pica = 2,
    Vertebral = 4,
    Basilar = 8,
    Vein = 16,
    Other = 32,
}

/// <summary>
/// An imaging study and what it showed. The report itself, when uploaded, is a <see cref="PatientDocument"/>.
/// Amendable like every clinical record: edits are versioned; nothing is deleted (entered-in-error instead).
/// </summary>
public sealed class ImagingStudy : IVersioned
{
    public const int TextMax = 2000;
    public const int CentreMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public ImagingModality Modality { get; set; }
    public DateOnly StudyDate { get; set; }
    [StringLength(CentreMax)] public string? Centre { get; set; }
    public ImagingSequences Sequences { get; set; }

    /// <summary>Neurovascular contact with the facial nerve: seen, looked for and not seen, or not reported.</summary>
    public bool? NeurovascularContact { get; set; }

    public AffectedSide ContactSide { get; set; }
    public ContactSite ContactSite { get; set; }
    public OffendingVessels Vessels { get; set; }
    public int? CompressionSites { get; set; }
    public bool? Indentation { get; set; }
    public bool? VertebralDolichoectasia { get; set; }
    [StringLength(TextMax)] public string? OtherLesion { get; set; }
    [StringLength(TextMax)] public string? Impression { get; set; }
    public Guid? ReportDocumentId { get; set; }
    public bool EnteredInError { get; set; }
    [StringLength(500)] public string? EnteredInErrorReason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
