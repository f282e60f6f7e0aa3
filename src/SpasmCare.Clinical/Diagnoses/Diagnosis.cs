using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Diagnoses;

public enum DiagnosisCertainty
{
    Provisional = 1,
    Confirmed = 2,
}

/// <summary>Primary (idiopathic, usually neurovascular) or secondary HFS. DOMAIN §1.2.</summary>
public enum HfsEtiology
{
    Primary = 1,
    Secondary = 2,
}

/// <summary>Causes of secondary HFS as structured values, DOMAIN §1.2 [D]. The numeric values are stable.</summary>
public enum SecondaryCause
{
    /// <summary>Cerebellopontine-angle tumour: vestibular schwannoma, meningioma, epidermoid.</summary>
    CerebellopontineAngleTumour = 1,

    /// <summary>Vascular malformation, aneurysm or vertebrobasilar dolichoectasia.</summary>
    VascularMalformation = 2,

    /// <summary>Demyelination (multiple sclerosis).</summary>
    Demyelination = 3,

    BrainstemStroke = 4,

    /// <summary>Facial nerve trauma or surgery.</summary>
    FacialNerveInjury = 5,

    /// <summary>After Bell's palsy (post-paralytic synkinesis).</summary>
    PostBellsPalsy = 6,

    ParotidLesion = 7,

    /// <summary>Another cause, described in <see cref="Diagnosis.CauseDetail"/>.</summary>
    Other = 8,
}

/// <summary>
/// A diagnosis as the doctor records it (issue 5): condition, side, certainty, and for HFS whether it is primary or
/// secondary with the cause. Codes are derived from the condition and side (DOMAIN §2.8).
/// </summary>
public sealed record Diagnosis
{
    public const int MaxCauseDetailLength = 500;

    public required ClinicalCondition Condition { get; init; }
    public AffectedSide Side { get; init; }
    public DiagnosisCertainty Certainty { get; init; } = DiagnosisCertainty.Provisional;

    /// <summary>Only for hemifacial spasm.</summary>
    public HfsEtiology? Etiology { get; init; }

    /// <summary>Only for secondary HFS; required once the diagnosis is confirmed.</summary>
    public SecondaryCause? Cause { get; init; }

    /// <summary>Free text about the cause; required when <see cref="Cause"/> is <see cref="SecondaryCause.Other"/>.</summary>
    public string? CauseDetail { get; init; }

    public DateOnly? OnsetDate { get; init; }

    public string? Icd10 => DiagnosisCatalogue.Find(Condition)?.Icd10;
    public string? Icd10Cm => DiagnosisCatalogue.Icd10CmFor(Condition, Side);
    public string? SnomedCt => DiagnosisCatalogue.Find(Condition)?.SnomedCt;

    /// <summary>Checks consistency; empty when valid, never throws.</summary>
    /// <param name="today">The clinic's date today, for "onset not in the future".</param>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Condition))
        {
            errors.Add(new(nameof(Condition), "Choose a condition from the list."));
        }

        if (!Enum.IsDefined(Side))
        {
            errors.Add(new(nameof(Side), "Choose left, right, both or unknown."));
        }

        if (!Enum.IsDefined(Certainty))
        {
            errors.Add(new(nameof(Certainty), "Choose provisional or confirmed."));
        }

        if (Etiology is { } etiology && !Enum.IsDefined(etiology))
        {
            errors.Add(new(nameof(Etiology), "Choose primary or secondary."));
        }
        else if (Etiology is not null && Condition != ClinicalCondition.HemifacialSpasm)
        {
            errors.Add(new(nameof(Etiology), "Primary or secondary applies only to hemifacial spasm."));
        }

        if (Cause is { } cause && !Enum.IsDefined(cause))
        {
            errors.Add(new(nameof(Cause), "Choose a cause from the list."));
        }
        else if (Cause is not null && Etiology != HfsEtiology.Secondary)
        {
            errors.Add(new(nameof(Cause), "A cause is recorded only for secondary hemifacial spasm."));
        }
        else if (Cause is null && Etiology == HfsEtiology.Secondary && Certainty == DiagnosisCertainty.Confirmed)
        {
            errors.Add(new(nameof(Cause), "A confirmed secondary hemifacial spasm needs its cause."));
        }

        if (Cause == SecondaryCause.Other && string.IsNullOrWhiteSpace(CauseDetail))
        {
            errors.Add(new(nameof(CauseDetail), "Describe the cause."));
        }

        if (CauseDetail?.Length > MaxCauseDetailLength)
        {
            errors.Add(new(nameof(CauseDetail), $"The cause description must be at most {MaxCauseDetailLength} characters."));
        }

        if (OnsetDate > today)
        {
            errors.Add(new(nameof(OnsetDate), "The onset date cannot be in the future."));
        }

        return errors;
    }

    /// <summary>One line for the patient header, e.g. "Hemifacial spasm, left, secondary (post-Bell's palsy), provisional — G51.32".</summary>
    public string Describe()
    {
        var parts = new List<string> { DiagnosisCatalogue.Find(Condition)?.Name ?? "Unknown condition" };
        if (Side != AffectedSide.Unknown)
        {
            parts.Add(Side switch
            {
                AffectedSide.Left => "left",
                AffectedSide.Right => "right",
                _ => "bilateral",
            });
        }

        if (Etiology is { } etiology)
        {
            parts.Add(etiology == HfsEtiology.Primary ? "primary" : Cause is { } cause ? $"secondary ({Describe(cause)})" : "secondary");
        }

        parts.Add(Certainty == DiagnosisCertainty.Confirmed ? "confirmed" : "provisional");
        var line = string.Join(", ", parts);
        return Icd10Cm is { } code ? $"{line} — {code}" : line;
    }

    private string Describe(SecondaryCause cause) =>
        cause switch
        {
            SecondaryCause.CerebellopontineAngleTumour => "cerebellopontine-angle tumour",
            SecondaryCause.VascularMalformation => "vascular malformation",
            SecondaryCause.Demyelination => "demyelination",
            SecondaryCause.BrainstemStroke => "brainstem stroke",
            SecondaryCause.FacialNerveInjury => "facial nerve injury",
            SecondaryCause.PostBellsPalsy => "post-Bell's palsy",
            SecondaryCause.ParotidLesion => "parotid lesion",
            _ => string.IsNullOrWhiteSpace(CauseDetail) ? "other cause" : CauseDetail,
        };
}
