using System.Text.Json;

namespace SpasmCare.Web.Features.Assessments;

public enum RatingMode
{
    InPerson = 0,
    FromVideo = 1,
    PatientReported = 2,
}

/// <summary>
/// One completed rating-scale or questionnaire: the item answers as given, and the total, status and subscale
/// scores that <c>SpasmCare.Clinical.Scales.ScaleScorer</c> computed from them with the instrument version named.
/// Never changed: a correction is a new row that <see cref="Amends"/> this one.
/// </summary>
public sealed class ScaleScore
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid? VisitId { get; init; }
    [StringLength(InstrumentRecord.CodeMax)] public string InstrumentCode { get; init; } = "";
    [StringLength(InstrumentRecord.VersionMax)] public string InstrumentVersion { get; init; } = "";

    /// <summary>Item code → "3", "NA" or "" (missing), as <c>ItemAnswer.ToString()</c> writes them.</summary>
    public string Answers { get; init; } = "{}";

    public decimal? Total { get; init; }
    [StringLength(32)] public string Status { get; init; } = "";

    /// <summary>Subscale code → score (absent when it could not be scored).</summary>
    public string Subscales { get; init; } = "{}";

    public Guid RaterId { get; init; }
    [StringLength(256)] public string RaterName { get; init; } = "";
    public RatingMode Mode { get; init; }
    public DateTime AssessedAtUtc { get; init; }
    public DateTime RecordedAtUtc { get; init; }
    public Guid? Amends { get; init; }
    public Guid? SupersededBy { get; set; }
    [StringLength(Visit.ReasonMax)] public string? AmendmentReason { get; init; }

    public Dictionary<string, string> ReadAnswers() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Answers) ?? [];

    public Dictionary<string, decimal> ReadSubscales() =>
        JsonSerializer.Deserialize<Dictionary<string, decimal>>(Subscales) ?? [];
}
