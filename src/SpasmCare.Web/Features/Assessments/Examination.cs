using System.Text.Json;
using System.Text.Json.Serialization;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// A structured facial examination recorded at a visit. The findings are the <see cref="FacialExamination"/> of
/// <c>SpasmCare.Clinical</c>, kept as JSON so the clinical model can grow without a column per finding; the side
/// and the time are columns for lists and reports. Rows are never changed: a correction is a new row that
/// <see cref="Amends"/> the earlier one, which is then marked <see cref="SupersededBy"/> and kept.
/// </summary>
public sealed class Examination
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid VisitId { get; init; }
    public DateTime ExaminedAtUtc { get; init; }
    public Guid ExaminerId { get; init; }
    [StringLength(256)] public string ExaminerName { get; init; } = "";
    public AffectedSide Side { get; init; }
    public string Findings { get; init; } = "{}";
    public Guid? Amends { get; init; }
    public Guid? SupersededBy { get; set; }
    [StringLength(Visit.ReasonMax)] public string? AmendmentReason { get; init; }
    public DateTime RecordedAtUtc { get; init; }

    public FacialExamination ReadFindings() =>
        JsonSerializer.Deserialize<FacialExamination>(Findings, JsonOptions) ?? new FacialExamination();

    public static string WriteFindings(FacialExamination exam) => JsonSerializer.Serialize(exam, JsonOptions);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
