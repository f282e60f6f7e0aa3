using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Diagnoses;

/// <summary>Conditions a diagnosis can name. The numeric values are stable: they may be stored.</summary>
public enum ClinicalCondition
{
    HemifacialSpasm = 1,
    Blepharospasm = 2,
    PostParalyticSynkinesis = 3,
    FacialMyokymia = 4,
    MotorTics = 5,
    HemimasticatorySpasm = 6,
    FunctionalFacialSpasm = 7,
    FocalMotorSeizures = 8,

    /// <summary>Idiopathic orofacial dystonia (Meige), an HFS mimic (DOMAIN §1.3) with a code in DOMAIN §2.8.</summary>
    OrofacialDystonia = 9,
}

/// <summary>
/// Codes of one condition. Null where DOMAIN §2.8 gives none: codes are never guessed. For HFS,
/// <see cref="Icd10Cm"/> is null because ICD-10-CM codes it by side; use <see cref="DiagnosisCatalogue.Icd10CmFor"/>.
/// </summary>
public sealed record ConditionCodes(
    ClinicalCondition Condition,
    string Name,
    string? Icd10,
    string? Icd10Title,
    string? Icd10Cm,
    string? SnomedCt,
    string? SnomedCtTerm,
    string Source);

/// <summary>Diagnosis codes from DOMAIN §2.8 (ICD-10, ICD-10-CM with HFS laterality, SNOMED CT).</summary>
public static class DiagnosisCatalogue
{
    public const string HemifacialSpasmIcd10 = "G51.3";
    public const string HemifacialSpasmRightIcd10Cm = "G51.31";
    public const string HemifacialSpasmLeftIcd10Cm = "G51.32";
    public const string HemifacialSpasmBilateralIcd10Cm = "G51.33";
    public const string HemifacialSpasmUnspecifiedIcd10Cm = "G51.39";

    public static IReadOnlyList<ConditionCodes> All { get; } =
    [
        new(ClinicalCondition.HemifacialSpasm, "Hemifacial spasm", HemifacialSpasmIcd10, "Clonic hemifacial spasm", null,
            "13753008", "Hemifacial spasm", "DOMAIN §2.8 (ICD-10 [S80]; ICD-10-CM laterality [S82]; SNOMED CT [S84][S85])"),
        new(ClinicalCondition.Blepharospasm, "Blepharospasm", "G24.5", "Blepharospasm", "G24.5",
            "59026006", "Blepharospasm", "DOMAIN §2.8 ([S80][S81]; SNOMED CT [S85])"),
        new(ClinicalCondition.PostParalyticSynkinesis, "Post-paralytic synkinesis", null, null, null, null, null,
            "DOMAIN §1.3; no code in §2.8"),
        new(ClinicalCondition.FacialMyokymia, "Facial myokymia", "G51.4", "Facial myokymia", "G51.4", null, null,
            "DOMAIN §2.8 (ICD-10-CM G51 block [S80])"),
        new(ClinicalCondition.MotorTics, "Motor tics", null, null, null, null, null, "DOMAIN §1.3; no code in §2.8"),
        new(ClinicalCondition.HemimasticatorySpasm, "Hemimasticatory spasm", null, null, null, null, null, "DOMAIN §1.3; no code in §2.8"),
        new(ClinicalCondition.FunctionalFacialSpasm, "Functional facial spasm", null, null, null, null, null, "DOMAIN §1.3; no code in §2.8"),
        new(ClinicalCondition.FocalMotorSeizures, "Focal motor seizures", null, null, null, null, null, "DOMAIN §1.3; no code in §2.8"),
        new(ClinicalCondition.OrofacialDystonia, "Orofacial dystonia (Meige)", "G24.4", "Idiopathic orofacial dystonia", "G24.4", null, null,
            "DOMAIN §2.8 ([S81])"),
    ];

    /// <summary>The codes of a condition.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined condition.</exception>
    public static ConditionCodes For(ClinicalCondition condition) =>
        Find(condition) ?? throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a clinical condition.");

    /// <summary>The codes of a condition, or null for an undefined value.</summary>
    public static ConditionCodes? Find(ClinicalCondition condition) => All.FirstOrDefault(c => c.Condition == condition);

    /// <summary>
    /// The ICD-10-CM code of HFS by side: right G51.31, left G51.32, both G51.33, unknown G51.39 (DOMAIN §2.8 [S82]).
    /// </summary>
    public static string HemifacialSpasmIcd10Cm(AffectedSide side) =>
        side switch
        {
            AffectedSide.Right => HemifacialSpasmRightIcd10Cm,
            AffectedSide.Left => HemifacialSpasmLeftIcd10Cm,
            AffectedSide.Both => HemifacialSpasmBilateralIcd10Cm,
            _ => HemifacialSpasmUnspecifiedIcd10Cm,
        };

    /// <summary>The ICD-10-CM code of a condition on a side: HFS by laterality, others side-independent (or null).</summary>
    public static string? Icd10CmFor(ClinicalCondition condition, AffectedSide side) =>
        condition == ClinicalCondition.HemifacialSpasm ? HemifacialSpasmIcd10Cm(side) : Find(condition)?.Icd10Cm;

    /// <summary>
    /// The diagnosis a differential suggestion corresponds to: primary and secondary HFS are both
    /// <see cref="ClinicalCondition.HemifacialSpasm"/>, told apart by <see cref="HfsEtiology"/>.
    /// </summary>
    public static (ClinicalCondition Condition, HfsEtiology? Etiology) FromDifferential(DifferentialCondition condition) =>
        condition switch
        {
            DifferentialCondition.PrimaryHemifacialSpasm => (ClinicalCondition.HemifacialSpasm, HfsEtiology.Primary),
            DifferentialCondition.SecondaryHemifacialSpasm => (ClinicalCondition.HemifacialSpasm, HfsEtiology.Secondary),
            DifferentialCondition.Blepharospasm => (ClinicalCondition.Blepharospasm, null),
            DifferentialCondition.PostParalyticSynkinesis => (ClinicalCondition.PostParalyticSynkinesis, null),
            DifferentialCondition.FacialMyokymia => (ClinicalCondition.FacialMyokymia, null),
            DifferentialCondition.MotorTics => (ClinicalCondition.MotorTics, null),
            DifferentialCondition.HemimasticatorySpasm => (ClinicalCondition.HemimasticatorySpasm, null),
            DifferentialCondition.FunctionalFacialSpasm => (ClinicalCondition.FunctionalFacialSpasm, null),
            DifferentialCondition.FocalMotorSeizures => (ClinicalCondition.FocalMotorSeizures, null),
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a differential condition."),
        };
}
