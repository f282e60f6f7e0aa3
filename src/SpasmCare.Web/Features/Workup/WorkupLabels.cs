using System.Globalization;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Workup;

/// <summary>The words shown for workup values, in one place for the forms, the patient page and the conflict tables.</summary>
public static class WorkupLabels
{
    public static IReadOnlyList<ImagingModality> Modalities { get; } = Enum.GetValues<ImagingModality>();

    public static IReadOnlyList<ImagingSequences> SequenceChoices { get; } =
        [ImagingSequences.Ciss3D, ImagingSequences.Fiesta, ImagingSequences.HeavyT2, ImagingSequences.TofMra, ImagingSequences.Contrast];

    public static IReadOnlyList<OffendingVessels> VesselChoices { get; } =
        [OffendingVessels.Aica, OffendingVessels.Pica, OffendingVessels.Vertebral, OffendingVessels.Basilar, OffendingVessels.Vein, OffendingVessels.Other];

    public static IReadOnlyList<ContactSite> SiteChoices { get; } =
        [ContactSite.RootExitZone, ContactSite.AttachedSegment, ContactSite.Cisternal];

    public static IReadOnlyList<AffectedSide> SideChoices { get; } = [AffectedSide.Left, AffectedSide.Right, AffectedSide.Both];

    public static string Of(ImagingModality modality) => modality switch
    {
        ImagingModality.Mri => "MRI",
        ImagingModality.MriWithMra => "MRI with MRA",
        ImagingModality.Ct => "CT",
        ImagingModality.CtAngiography => "CT angiography",
        ImagingModality.Other => "Other",
        _ => modality.ToString(),
    };

    public static string Of(ImagingSequences sequence) => sequence switch
    {
        ImagingSequences.Ciss3D => "3D CISS",
        ImagingSequences.Fiesta => "FIESTA",
        ImagingSequences.HeavyT2 => "Heavily T2-weighted",
        ImagingSequences.TofMra => "TOF MRA",
        ImagingSequences.Contrast => "Contrast",
        ImagingSequences.None => "None",
        _ => Join(SequenceChoices.Where(s => sequence.HasFlag(s)).Select(Of)),
    };

    public static string Of(OffendingVessels vessel) => vessel switch
    {
        OffendingVessels.Aica => "AICA",
        OffendingVessels.Pica => "PICA",
        OffendingVessels.Vertebral => "Vertebral artery",
        OffendingVessels.Basilar => "Basilar artery",
        OffendingVessels.Vein => "Vein",
        OffendingVessels.Other => "Other vessel",
        OffendingVessels.None => "None named",
        _ => Join(VesselChoices.Where(v => vessel.HasFlag(v)).Select(Of)),
    };

    public static string Of(ContactSite site) => site switch
    {
        ContactSite.RootExitZone => "Root exit zone",
        ContactSite.AttachedSegment => "Attached segment",
        ContactSite.Cisternal => "Cisternal segment",
        ContactSite.Unknown => "Not stated",
        _ => site.ToString(),
    };

    public static string Of(AffectedSide side) => side switch
    {
        AffectedSide.Left => "Left",
        AffectedSide.Right => "Right",
        AffectedSide.Both => "Both sides",
        AffectedSide.Unknown => "Not stated",
        _ => side.ToString(),
    };

    public static string Of(DiagnosisCertainty certainty) => certainty switch
    {
        DiagnosisCertainty.Provisional => "Provisional",
        DiagnosisCertainty.Confirmed => "Confirmed",
        _ => certainty.ToString(),
    };

    public static string Of(HfsEtiology etiology) => etiology switch
    {
        HfsEtiology.Primary => "Primary",
        HfsEtiology.Secondary => "Secondary",
        _ => etiology.ToString(),
    };

    public static string Of(SecondaryCause cause) => cause switch
    {
        SecondaryCause.CerebellopontineAngleTumour => "Cerebellopontine-angle tumour",
        SecondaryCause.VascularMalformation => "Vascular malformation, aneurysm or dolichoectasia",
        SecondaryCause.Demyelination => "Demyelination (multiple sclerosis)",
        SecondaryCause.BrainstemStroke => "Brainstem stroke",
        SecondaryCause.FacialNerveInjury => "Facial nerve injury or surgery",
        SecondaryCause.PostBellsPalsy => "After Bell's palsy",
        SecondaryCause.ParotidLesion => "Parotid lesion",
        SecondaryCause.Other => "Other cause",
        _ => cause.ToString(),
    };

    public static string Of(ClinicalCondition condition) => DiagnosisCatalogue.Find(condition)?.Name ?? condition.ToString();

    /// <summary>Yes / No / the words for "not known" of a three-way answer.</summary>
    public static string YesNo(bool? value, string unknown = "Not reported") => value switch
    {
        true => "Yes",
        false => "No",
        null => unknown,
    };

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    public static string Date(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(decimal? value) =>
        value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    public static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();

    private static string Join(IEnumerable<string> parts) => string.Join(", ", parts);
}
