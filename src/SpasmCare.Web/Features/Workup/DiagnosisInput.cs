using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Workup;

/// <summary>The diagnosis form. The rules are <see cref="Diagnosis.Validate"/>'s; this adds only the form's shape.</summary>
public sealed class DiagnosisInput : IValidatableObject
{
    [Required(ErrorMessage = "Choose the condition.")]
    [Display(Name = "Condition")]
    public ClinicalCondition? Condition { get; set; }

    [Display(Name = "Side")]
    public AffectedSide Side { get; set; }

    [Required(ErrorMessage = "Choose provisional or confirmed.")]
    [Display(Name = "Certainty")]
    public DiagnosisCertainty? Certainty { get; set; } = DiagnosisCertainty.Provisional;

    [Display(Name = "Primary or secondary")]
    public HfsEtiology? Etiology { get; set; }

    [Display(Name = "Cause")]
    public SecondaryCause? Cause { get; set; }

    [StringLength(Diagnosis.MaxCauseDetailLength, ErrorMessage = "The description of the cause can be at most {1} characters.")]
    [Display(Name = "About the cause")]
    public string? CauseDetail { get; set; }

    [Display(Name = "Onset")]
    public DateOnly? OnsetDate { get; set; }

    [StringLength(ImagingStudy.TextMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ToDiagnosis() is not { } diagnosis || validationContext.GetService(typeof(ClinicTime)) is not ClinicTime clock)
        {
            return [];
        }

        return diagnosis.Validate(clock.Today).Select(e => new ValidationResult(e.Message, [e.Field]));
    }

    /// <summary>The clinical record this form describes, or null while the condition or certainty is missing.</summary>
    public Diagnosis? ToDiagnosis() => Condition is { } condition && Certainty is { } certainty
        ? new Diagnosis
        {
            Condition = condition,
            Side = Side,
            Certainty = certainty,
            Etiology = Etiology,
            Cause = Cause,
            CauseDetail = ImagingInput.Clean(CauseDetail),
            OnsetDate = OnsetDate,
        }
        : null;

    public static DiagnosisInput From(PatientDiagnosis d) => new()
    {
        Condition = d.Condition,
        Side = d.Side,
        Certainty = d.Certainty,
        Etiology = d.Etiology,
        Cause = d.Cause,
        CauseDetail = d.CauseDetail,
        OnsetDate = d.OnsetDate,
        Note = d.Note,
    };

    /// <summary>Copies a valid form onto the row, with the codes the clinical library derives for it.</summary>
    public void ApplyTo(PatientDiagnosis row)
    {
        var diagnosis = ToDiagnosis() ?? throw new InvalidOperationException("The diagnosis form is incomplete.");
        row.Condition = diagnosis.Condition;
        row.Side = diagnosis.Side;
        row.Certainty = diagnosis.Certainty;
        row.Etiology = diagnosis.Etiology;
        row.Cause = diagnosis.Cause;
        row.CauseDetail = diagnosis.CauseDetail;
        row.OnsetDate = diagnosis.OnsetDate;
        row.Icd10 = diagnosis.Icd10;
        row.Icd10Cm = diagnosis.Icd10Cm;
        row.SnomedCt = diagnosis.SnomedCt;
        row.Note = ImagingInput.Clean(Note);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        new("Condition", Condition is { } c ? WorkupLabels.Of(c) : "—"),
        new("Side", WorkupLabels.Of(Side)),
        new("Certainty", Certainty is { } certainty ? WorkupLabels.Of(certainty) : "—"),
        new("Primary or secondary", Etiology is { } e ? WorkupLabels.Of(e) : "—"),
        new("Cause", Cause is { } cause ? WorkupLabels.Of(cause) : "—"),
        new("About the cause", WorkupLabels.Text(CauseDetail)),
        new("Onset", WorkupLabels.Date(OnsetDate)),
        new("Note", WorkupLabels.Text(Note)),
    ];

    /// <summary>
    /// The patient-header line of a diagnosis, e.g. "Hemifacial spasm, left (G51.32) · confirmed, primary".
    /// </summary>
    public static string Line(ClinicalCondition condition, AffectedSide side, DiagnosisCertainty certainty,
        HfsEtiology? etiology, SecondaryCause? cause, string? causeDetail, string? icd10Cm, string? icd10)
    {
        var text = WorkupLabels.Of(condition);
        if (side != AffectedSide.Unknown)
        {
            text += ", " + (side == AffectedSide.Both ? "bilateral" : WorkupLabels.Of(side).ToLowerInvariant());
        }

        if ((icd10Cm ?? icd10) is { } code)
        {
            text += $" ({code})";
        }

        text += " · " + WorkupLabels.Of(certainty).ToLowerInvariant();
        if (etiology is { } e)
        {
            text += ", " + WorkupLabels.Of(e).ToLowerInvariant();
            if (cause is { } c)
            {
                var detail = c == SecondaryCause.Other && !string.IsNullOrWhiteSpace(causeDetail) ? causeDetail.Trim() : WorkupLabels.Of(c);
                text += $" ({detail})";
            }
        }

        return text;
    }
}
