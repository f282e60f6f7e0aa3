using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Workup;

/// <summary>The imaging form: what the study was and what it showed (DOMAIN §1.5–1.6).</summary>
public sealed class ImagingInput : IValidatableObject
{
    public const int CompressionSitesMax = 5;

    [Required(ErrorMessage = "Choose the kind of study.")]
    [EnumDataType(typeof(ImagingModality), ErrorMessage = "Choose the kind of study from the list.")]
    [Display(Name = "Kind of study")]
    public ImagingModality? Modality { get; set; }

    [Required(ErrorMessage = "Enter the date of the study.")]
    [Display(Name = "Date of the study")]
    public DateOnly? StudyDate { get; set; }

    [StringLength(ImagingStudy.CentreMax, ErrorMessage = "The centre can be at most {1} characters.")]
    [Display(Name = "Centre")]
    public string? Centre { get; set; }

    [Display(Name = "Sequences")]
    public List<ImagingSequences> Sequences { get; set; } = [];

    /// <summary>Yes, no, or null for "not reported".</summary>
    [Display(Name = "Neurovascular contact with the facial nerve")]
    public bool? NeurovascularContact { get; set; }

    [EnumDataType(typeof(AffectedSide), ErrorMessage = "Choose left, right or both.")]
    [Display(Name = "Side of the contact")]
    public AffectedSide ContactSide { get; set; }

    [EnumDataType(typeof(ContactSite), ErrorMessage = "Choose a site from the list.")]
    [Display(Name = "Site on the nerve")]
    public ContactSite ContactSite { get; set; }

    [Display(Name = "Offending vessels")]
    public List<OffendingVessels> Vessels { get; set; } = [];

    [Range(0, CompressionSitesMax, ErrorMessage = "Enter a number of compression sites from {1} to {2}.")]
    [Display(Name = "Number of compression sites")]
    public int? CompressionSites { get; set; }

    [Display(Name = "Indentation of the nerve")]
    public bool? Indentation { get; set; }

    [Display(Name = "Vertebral artery dolichoectasia")]
    public bool? VertebralDolichoectasia { get; set; }

    [StringLength(ImagingStudy.TextMax, ErrorMessage = "Other findings can be at most {1} characters.")]
    [Display(Name = "Other lesion found")]
    public string? OtherLesion { get; set; }

    [StringLength(ImagingStudy.TextMax, ErrorMessage = "The impression can be at most {1} characters.")]
    [Display(Name = "Impression")]
    public string? Impression { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StudyDate is { } date && validationContext.GetService(typeof(ClinicTime)) is ClinicTime clock && date > clock.Today)
        {
            yield return new ValidationResult("The date of the study cannot be in the future.", [nameof(StudyDate)]);
        }

        if (Sequences.Any(s => !WorkupLabels.SequenceChoices.Contains(s)))
        {
            yield return new ValidationResult("Choose sequences from the list.", [nameof(Sequences)]);
        }
        else if (Modality is ImagingModality.Ct or ImagingModality.CtAngiography && Sequences.Any(s => s != ImagingSequences.Contrast))
        {
            yield return new ValidationResult("CISS, FIESTA, T2 and TOF are MRI sequences: for a CT only contrast applies.", [nameof(Sequences)]);
        }

        if (Vessels.Any(v => !WorkupLabels.VesselChoices.Contains(v)))
        {
            yield return new ValidationResult("Choose vessels from the list.", [nameof(Vessels)]);
        }

        if (NeurovascularContact == true)
        {
            if (ContactSide == AffectedSide.Unknown)
            {
                yield return new ValidationResult("Choose the side of the contact.", [nameof(ContactSide)]);
            }

            yield break;
        }

        const string onlyWithContact = " applies only when neurovascular contact is Yes.";
        if (ContactSide != AffectedSide.Unknown)
        {
            yield return new ValidationResult("The side of the contact" + onlyWithContact, [nameof(ContactSide)]);
        }

        if (ContactSite != ContactSite.Unknown)
        {
            yield return new ValidationResult("The site on the nerve" + onlyWithContact, [nameof(ContactSite)]);
        }

        if (Vessels.Count > 0)
        {
            yield return new ValidationResult("Offending vessels apply only when neurovascular contact is Yes.", [nameof(Vessels)]);
        }

        if (CompressionSites is not null)
        {
            yield return new ValidationResult("The number of compression sites" + onlyWithContact, [nameof(CompressionSites)]);
        }

        if (Indentation is not null)
        {
            yield return new ValidationResult("Indentation" + onlyWithContact, [nameof(Indentation)]);
        }
    }

    public static ImagingInput From(ImagingStudy s) => new()
    {
        Modality = s.Modality,
        StudyDate = s.StudyDate,
        Centre = s.Centre,
        Sequences = WorkupLabels.SequenceChoices.Where(x => s.Sequences.HasFlag(x)).ToList(),
        NeurovascularContact = s.NeurovascularContact,
        ContactSide = s.ContactSide,
        ContactSite = s.ContactSite,
        Vessels = WorkupLabels.VesselChoices.Where(x => s.Vessels.HasFlag(x)).ToList(),
        CompressionSites = s.CompressionSites,
        Indentation = s.Indentation,
        VertebralDolichoectasia = s.VertebralDolichoectasia,
        OtherLesion = s.OtherLesion,
        Impression = s.Impression,
    };

    public void ApplyTo(ImagingStudy s)
    {
        var contact = NeurovascularContact == true;
        s.Modality = Modality!.Value;
        s.StudyDate = StudyDate!.Value;
        s.Centre = Clean(Centre);
        s.Sequences = Sequences.Aggregate(ImagingSequences.None, (all, x) => all | x);
        s.NeurovascularContact = NeurovascularContact;
        s.ContactSide = contact ? ContactSide : AffectedSide.Unknown;
        s.ContactSite = contact ? ContactSite : ContactSite.Unknown;
        s.Vessels = contact ? Vessels.Aggregate(OffendingVessels.None, (all, x) => all | x) : OffendingVessels.None;
        s.CompressionSites = contact ? CompressionSites : null;
        s.Indentation = contact ? Indentation : null;
        s.VertebralDolichoectasia = VertebralDolichoectasia;
        s.OtherLesion = Clean(OtherLesion);
        s.Impression = Clean(Impression);
    }

    /// <summary>The form as people read it, field by field (for the conflict table).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        new("Kind of study", Modality is { } m ? WorkupLabels.Of(m) : "—"),
        new("Date of the study", WorkupLabels.Date(StudyDate)),
        new("Centre", WorkupLabels.Text(Centre)),
        new("Sequences", Sequences.Count == 0 ? "—" : string.Join(", ", Sequences.Distinct().Order().Select(WorkupLabels.Of))),
        new("Neurovascular contact", WorkupLabels.YesNo(NeurovascularContact)),
        new("Side of the contact", WorkupLabels.Of(ContactSide)),
        new("Site on the nerve", WorkupLabels.Of(ContactSite)),
        new("Offending vessels", Vessels.Count == 0 ? "—" : string.Join(", ", Vessels.Distinct().Order().Select(WorkupLabels.Of))),
        new("Number of compression sites", CompressionSites?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
        new("Indentation", WorkupLabels.YesNo(Indentation)),
        new("Vertebral artery dolichoectasia", WorkupLabels.YesNo(VertebralDolichoectasia)),
        new("Other lesion found", WorkupLabels.Text(OtherLesion)),
        new("Impression", WorkupLabels.Text(Impression)),
    ];

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
