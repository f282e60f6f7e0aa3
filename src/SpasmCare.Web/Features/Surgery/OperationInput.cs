using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>One row of the lateral spread response timeline: a reading after a decompression step.</summary>
public sealed class LsrRowInput
{
    [StringLength(200, ErrorMessage = "The step can be at most {1} characters.")]
    [Display(Name = "Step")]
    public string? Step { get; set; }

    [Display(Name = "Time")]
    public TimeOnly? Time { get; set; }

    [Display(Name = "LSR present")]
    public bool Present { get; set; }

    [Range(0, 10000, ErrorMessage = "Enter an amplitude from {1} to {2} µV.")]
    [Display(Name = "Amplitude (µV)")]
    public decimal? AmplitudeUv { get; set; }

    [Range(0, 100, ErrorMessage = "Enter a latency from {1} to {2} ms.")]
    [Display(Name = "Latency (ms)")]
    public decimal? LatencyMs { get; set; }

    /// <summary>A row left empty on the form (the spare rows are): ignored.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Step) && Time is null && !Present && AmplitudeUv is null && LatencyMs is null;
}

/// <summary>The operative record form (DOMAIN §1.6, §4.5): times, findings, technique, LSR and BAEP monitoring.</summary>
public sealed class OperationInput : IValidatableObject
{
    /// <summary>Empty rows offered at the end of the LSR timeline.</summary>
    public const int SpareRows = 2;

    public const int MaxRows = 30;

    /// <summary>The case's version for a new record; the operation's version when editing one.</summary>
    public Guid Version { get; set; }

    [Required(ErrorMessage = "Enter the date of the operation.")]
    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter the start time.")]
    [Display(Name = "Start (skin incision)")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Enter the end time.")]
    [Display(Name = "End (skin closure)")]
    public TimeOnly? EndTime { get; set; }

    [Display(Name = "Side")]
    public AffectedSide Side { get; set; }

    [Required(ErrorMessage = "Choose the approach.")]
    [EnumDataType(typeof(SurgicalApproach), ErrorMessage = "Choose an approach from the list.")]
    [Display(Name = "Approach")]
    public SurgicalApproach? Approach { get; set; }

    [Required(ErrorMessage = "Enter the surgeon.")]
    [StringLength(MvdOperation.NameMax, ErrorMessage = "The surgeon's name can be at most {1} characters.")]
    [Display(Name = "Surgeon")]
    public string? SurgeonName { get; set; }

    [Display(Name = "Offending vessels")]
    public List<OffendingVessels> Vessels { get; set; } = [];

    [EnumDataType(typeof(ContactSite), ErrorMessage = "Choose a site from the list.")]
    [Display(Name = "Compression site")]
    public ContactSite CompressionSite { get; set; }

    [Range(0, 5, ErrorMessage = "Enter a number of compression sites from {1} to {2}.")]
    [Display(Name = "Number of compression sites")]
    public int? CompressionSites { get; set; }

    [Display(Name = "Indentation of the nerve")]
    public bool? Indentation { get; set; }

    [Display(Name = "Technique")]
    public List<DecompressionTechnique> Techniques { get; set; } = [];

    [StringLength(200, ErrorMessage = "The implant can be at most {1} characters.")]
    [Display(Name = "Implant")]
    public string? Implant { get; set; }

    [Display(Name = "Baseline LSR present")]
    public bool? LsrBaselinePresent { get; set; }

    [Range(0, 10000, ErrorMessage = "Enter an amplitude from {1} to {2} µV.")]
    [Display(Name = "Baseline amplitude (µV)")]
    public decimal? LsrBaselineAmplitudeUv { get; set; }

    [Range(0, 100, ErrorMessage = "Enter a latency from {1} to {2} ms.")]
    [Display(Name = "Baseline latency (ms)")]
    public decimal? LsrBaselineLatencyMs { get; set; }

    public List<LsrRowInput> Readings { get; set; } = [];

    [EnumDataType(typeof(LsrFinalStatus), ErrorMessage = "Choose a final status from the list.")]
    [Display(Name = "Final LSR status")]
    public LsrFinalStatus LsrFinal { get; set; }

    [Display(Name = "Time the LSR disappeared")]
    public TimeOnly? LsrDisappearedAt { get; set; }

    [Range(-20, 20, ErrorMessage = "Enter a latency change from {1} to {2} ms.")]
    [Display(Name = "Wave V latency change (ms)")]
    public decimal? BaepLatencyChangeMs { get; set; }

    [Range(-100, 500, ErrorMessage = "Enter an amplitude change from {1} to {2} %.")]
    [Display(Name = "Wave V amplitude change (%)")]
    public decimal? BaepAmplitudeChangePercent { get; set; }

    [EnumDataType(typeof(RedoCause), ErrorMessage = "Choose a cause from the list.")]
    [Display(Name = "Cause found (redo)")]
    public RedoCause RedoCause { get; set; }

    [StringLength(8000, ErrorMessage = "The notes can be at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>Start and end as local date and time at the hospital; an end before the start is on the next day.</summary>
    public (DateTime Start, DateTime End)? LocalTimes() =>
        Date is { } d && StartTime is { } s && EndTime is { } e
            ? (d.ToDateTime(s), d.ToDateTime(e).AddDays(e < s ? 1 : 0))
            : null;

    /// <summary>A time during the operation as local date and time: before the start time means after midnight.</summary>
    public DateTime? During(TimeOnly? time) =>
        Date is { } d && StartTime is { } s && time is { } t ? d.ToDateTime(t).AddDays(t < s ? 1 : 0) : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PathwayLabels.SideChoices.Contains(Side))
        {
            yield return new ValidationResult("Choose the side operated.", [nameof(Side)]);
        }

        if (Vessels.Any(v => !WorkupLabels.VesselChoices.Contains(v)))
        {
            yield return new ValidationResult("Choose vessels from the list.", [nameof(Vessels)]);
        }

        if (Techniques.Any(t => !PathwayLabels.TechniqueChoices.Contains(t)))
        {
            yield return new ValidationResult("Choose a technique from the list.", [nameof(Techniques)]);
        }

        if (LocalTimes() is { } times)
        {
            if (times.End == times.Start)
            {
                yield return new ValidationResult("The end must be after the start.", [nameof(EndTime)]);
            }

            if (validationContext.GetService(typeof(ClinicTime)) is ClinicTime clock && Date > clock.Today)
            {
                yield return new ValidationResult("The date of the operation cannot be in the future.", [nameof(Date)]);
            }
        }

        if (LsrBaselinePresent != true && (LsrBaselineAmplitudeUv is not null || LsrBaselineLatencyMs is not null))
        {
            yield return new ValidationResult("An amplitude or latency applies only when the baseline LSR is present.", [nameof(LsrBaselineAmplitudeUv)]);
        }

        if (Readings.Count > MaxRows)
        {
            yield return new ValidationResult($"At most {MaxRows} LSR readings.", [nameof(Readings)]);
        }

        var end = LocalTimes()?.End;
        for (var i = 0; i < Readings.Count; i++)
        {
            var row = Readings[i];
            if (row.IsBlank)
            {
                continue;
            }

            var prefix = $"{nameof(Readings)}[{i.ToString(CultureInfo.InvariantCulture)}].";
            if (string.IsNullOrWhiteSpace(row.Step))
            {
                yield return new ValidationResult("Name the step of this reading.", [prefix + nameof(LsrRowInput.Step)]);
            }

            if (row.Time is null)
            {
                yield return new ValidationResult("Enter the time of this reading.", [prefix + nameof(LsrRowInput.Time)]);
            }
            else if (end is { } last && During(row.Time) > last)
            {
                yield return new ValidationResult("The reading is after the end of the operation.", [prefix + nameof(LsrRowInput.Time)]);
            }

            if (!row.Present && (row.AmplitudeUv is not null || row.LatencyMs is not null))
            {
                yield return new ValidationResult("An amplitude or latency applies only when the LSR is present.", [prefix + nameof(LsrRowInput.AmplitudeUv)]);
            }
        }

        var monitored = LsrBaselinePresent is not null || Readings.Any(r => !r.IsBlank);
        if (LsrFinal == LsrFinalStatus.NotMonitored && monitored)
        {
            yield return new ValidationResult("The LSR was monitored: choose its final status.", [nameof(LsrFinal)]);
        }

        if (LsrDisappearedAt is not null && LsrFinal != LsrFinalStatus.Disappeared)
        {
            yield return new ValidationResult("A time of disappearance applies only when the LSR disappeared.", [nameof(LsrDisappearedAt)]);
        }
        else if (end is { } last && During(LsrDisappearedAt) > last)
        {
            yield return new ValidationResult("The LSR cannot disappear after the end of the operation.", [nameof(LsrDisappearedAt)]);
        }
    }

    /// <summary>The readings that were filled in, in the order given.</summary>
    public IReadOnlyList<LsrRowInput> FilledReadings() => Readings.Where(r => !r.IsBlank).ToList();

    public static OperationInput For(MvdCase c, TimeZoneInfo zone)
    {
        var input = new OperationInput
        {
            Version = c.Version,
            Side = c.Side,
            SurgeonName = c.SurgeonName,
            RedoCause = c.RedoCause,
            Approach = SurgicalApproach.Retrosigmoid,
            Readings = [.. Enumerable.Range(0, SpareRows + 2).Select(_ => new LsrRowInput())],
        };
        if (c.ScheduledStartUtc is { } start)
        {
            var local = MvdCaseRules.ToLocal(start, zone);
            input.Date = DateOnly.FromDateTime(local);
            input.StartTime = TimeOnly.FromDateTime(local);
        }

        return input;
    }

    public static OperationInput From(MvdOperation o, IEnumerable<LsrReading> readings, RedoCause redoCause, TimeZoneInfo zone)
    {
        var start = MvdCaseRules.ToLocal(o.StartedAtUtc, zone);
        var end = MvdCaseRules.ToLocal(o.EndedAtUtc, zone);
        var rows = readings.OrderBy(r => r.Order).Select(r => new LsrRowInput
        {
            Step = r.Step,
            Time = TimeOnly.FromDateTime(MvdCaseRules.ToLocal(r.AtUtc, zone)),
            Present = r.Present,
            AmplitudeUv = r.AmplitudeUv,
            LatencyMs = r.LatencyMs,
        }).ToList();
        rows.AddRange(Enumerable.Range(0, SpareRows).Select(_ => new LsrRowInput()));
        return new OperationInput
        {
            Version = o.Version,
            Date = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndTime = TimeOnly.FromDateTime(end),
            Side = o.Side,
            Approach = o.Approach,
            SurgeonName = o.SurgeonName,
            Vessels = WorkupLabels.VesselChoices.Where(v => o.Vessels.HasFlag(v)).ToList(),
            CompressionSite = o.CompressionSite,
            CompressionSites = o.CompressionSites,
            Indentation = o.Indentation,
            Techniques = PathwayLabels.TechniqueChoices.Where(t => o.Technique.HasFlag(t)).ToList(),
            Implant = o.Implant,
            LsrBaselinePresent = o.LsrBaselinePresent,
            LsrBaselineAmplitudeUv = o.LsrBaselineAmplitudeUv,
            LsrBaselineLatencyMs = o.LsrBaselineLatencyMs,
            Readings = rows,
            LsrFinal = o.LsrFinal,
            LsrDisappearedAt = o.LsrDisappearedAtUtc is { } gone ? TimeOnly.FromDateTime(MvdCaseRules.ToLocal(gone, zone)) : null,
            BaepLatencyChangeMs = o.BaepWaveVLatencyChangeMs,
            BaepAmplitudeChangePercent = o.BaepWaveVAmplitudeChangePercent,
            RedoCause = redoCause,
            Notes = o.Notes,
        };
    }

    /// <summary>Writes the form onto the operation (times converted from the hospital's zone); false when a time does not exist there.</summary>
    public bool ApplyTo(MvdOperation o, TimeZoneInfo zone)
    {
        var (start, end) = LocalTimes()!.Value;
        if (Utc(start, zone) is not { } startUtc || Utc(end, zone) is not { } endUtc)
        {
            return false;
        }

        o.StartedAtUtc = startUtc;
        o.EndedAtUtc = endUtc;
        o.Side = Side;
        o.Approach = Approach!.Value;
        o.SurgeonName = SurgeonName!.Trim();
        o.Vessels = Vessels.Aggregate(OffendingVessels.None, (all, v) => all | v);
        o.CompressionSite = CompressionSite;
        o.CompressionSites = CompressionSites;
        o.Indentation = Indentation;
        o.Technique = Techniques.Aggregate(DecompressionTechnique.None, (all, t) => all | t);
        o.Implant = MvdCaseRules.Clean(Implant);
        o.LsrBaselinePresent = LsrBaselinePresent;
        o.LsrBaselineAmplitudeUv = LsrBaselinePresent == true ? LsrBaselineAmplitudeUv : null;
        o.LsrBaselineLatencyMs = LsrBaselinePresent == true ? LsrBaselineLatencyMs : null;
        o.LsrFinal = LsrFinal;
        o.LsrDisappearedAtUtc = LsrFinal == LsrFinalStatus.Disappeared && During(LsrDisappearedAt) is { } gone ? Utc(gone, zone) : null;
        o.BaepWaveVLatencyChangeMs = BaepLatencyChangeMs;
        o.BaepWaveVAmplitudeChangePercent = BaepAmplitudeChangePercent;
        o.Notes = MvdCaseRules.Clean(Notes);
        return true;
    }

    /// <summary>The filled-in readings as rows of the operation, in order.</summary>
    public List<LsrReading> ReadingsFor(Guid operationId, TimeZoneInfo zone) =>
        FilledReadings().Select((r, i) => new LsrReading
        {
            OperationId = operationId,
            Order = i + 1,
            Step = r.Step!.Trim(),
            AtUtc = Utc(During(r.Time)!.Value, zone) ?? DateTime.SpecifyKind(During(r.Time)!.Value, DateTimeKind.Utc),
            Present = r.Present,
            AmplitudeUv = r.Present ? r.AmplitudeUv : null,
            LatencyMs = r.Present ? r.LatencyMs : null,
        }).ToList();

    private static DateTime? Utc(DateTime local, TimeZoneInfo zone) =>
        MvdCaseRules.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
}
