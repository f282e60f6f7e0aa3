using System.Globalization;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Workup;

/// <summary>The electrophysiology form: lateral spread response and blink-reflex synkinesis (DOMAIN §1.7).</summary>
public sealed class ElectrophysiologyInput : IValidatableObject
{
    // Plausibility bounds for data entry, not clinical thresholds: typical LSR latency is about 10 ms (DOMAIN §1.7).
    public const double LatencyMinMs = 1;
    public const double LatencyMaxMs = 50;
    public const double AmplitudeMinUv = 1;
    public const double AmplitudeMaxUv = 10000;

    [Required(ErrorMessage = "Enter the date of the study.")]
    [Display(Name = "Date of the study")]
    public DateOnly? StudyDate { get; set; }

    /// <summary>Yes, no, or null for "not done".</summary>
    [Display(Name = "Lateral spread response")]
    public bool? LateralSpreadPresent { get; set; }

    [Range(LatencyMinMs, LatencyMaxMs, ErrorMessage = "Enter a latency from {1} to {2} ms.")]
    [Display(Name = "Latency (ms)")]
    public decimal? LateralSpreadLatencyMs { get; set; }

    [Range(AmplitudeMinUv, AmplitudeMaxUv, ErrorMessage = "Enter an amplitude from {1} to {2} µV.")]
    [Display(Name = "Amplitude (µV)")]
    public decimal? LateralSpreadAmplitudeUv { get; set; }

    /// <summary>Yes, no, or null for "not tested".</summary>
    [Display(Name = "Blink-reflex synkinesis")]
    public bool? BlinkReflexSynkinesis { get; set; }

    [StringLength(ImagingStudy.TextMax, ErrorMessage = "The note can be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StudyDate is { } date && validationContext.GetService(typeof(ClinicTime)) is ClinicTime clock && date > clock.Today)
        {
            yield return new ValidationResult("The date of the study cannot be in the future.", [nameof(StudyDate)]);
        }

        if (LateralSpreadPresent != true)
        {
            const string onlyWhenPresent = " is recorded only when the lateral spread response is present.";
            if (LateralSpreadLatencyMs is not null)
            {
                yield return new ValidationResult("A latency" + onlyWhenPresent, [nameof(LateralSpreadLatencyMs)]);
            }

            if (LateralSpreadAmplitudeUv is not null)
            {
                yield return new ValidationResult("An amplitude" + onlyWhenPresent, [nameof(LateralSpreadAmplitudeUv)]);
            }

            yield break;
        }

        if (LateralSpreadLatencyMs is { } latency && decimal.Round(latency, 2) != latency)
        {
            yield return new ValidationResult("Enter the latency with at most two decimals.", [nameof(LateralSpreadLatencyMs)]);
        }

        if (LateralSpreadAmplitudeUv is { } amplitude && decimal.Round(amplitude, 2) != amplitude)
        {
            yield return new ValidationResult("Enter the amplitude with at most two decimals.", [nameof(LateralSpreadAmplitudeUv)]);
        }
    }

    public static ElectrophysiologyInput From(ElectrophysiologyStudy s) => new()
    {
        StudyDate = s.StudyDate,
        LateralSpreadPresent = s.LateralSpreadPresent,
        LateralSpreadLatencyMs = s.LateralSpreadLatencyMs,
        LateralSpreadAmplitudeUv = s.LateralSpreadAmplitudeUv,
        BlinkReflexSynkinesis = s.BlinkReflexSynkinesis,
        Note = s.Note,
    };

    public void ApplyTo(ElectrophysiologyStudy s)
    {
        var present = LateralSpreadPresent == true;
        s.StudyDate = StudyDate!.Value;
        s.LateralSpreadPresent = LateralSpreadPresent;
        s.LateralSpreadLatencyMs = present ? LateralSpreadLatencyMs : null;
        s.LateralSpreadAmplitudeUv = present ? LateralSpreadAmplitudeUv : null;
        s.BlinkReflexSynkinesis = BlinkReflexSynkinesis;
        s.Note = ImagingInput.Clean(Note);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Describe() =>
    [
        new("Date of the study", WorkupLabels.Date(StudyDate)),
        new("Lateral spread response", WorkupLabels.YesNo(LateralSpreadPresent, "Not done")),
        new("Latency (ms)", WorkupLabels.Number(LateralSpreadLatencyMs)),
        new("Amplitude (µV)", WorkupLabels.Number(LateralSpreadAmplitudeUv)),
        new("Blink-reflex synkinesis", WorkupLabels.YesNo(BlinkReflexSynkinesis, "Not tested")),
        new("Note", WorkupLabels.Text(Note)),
    ];

    /// <summary>One line for lists, e.g. "LSR present, 10.2 ms, 150 µV".</summary>
    public static string Summary(bool? present, decimal? latencyMs, decimal? amplitudeUv)
    {
        if (present != true)
        {
            return present == false ? "LSR absent" : "LSR not done";
        }

        var parts = new List<string> { "LSR present" };
        if (latencyMs is { } l)
        {
            parts.Add(l.ToString("0.##", CultureInfo.InvariantCulture) + " ms");
        }

        if (amplitudeUv is { } a)
        {
            parts.Add(a.ToString("0.##", CultureInfo.InvariantCulture) + " µV");
        }

        return string.Join(", ", parts);
    }
}
