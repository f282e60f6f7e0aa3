using System.Text.Json;

namespace SpasmCare.Web.Features.Patients;

public enum PatientChange
{
    Registered = 0,
    Updated = 1,
    Deactivated = 2,
    Reactivated = 3,
}

/// <summary>
/// The patient's demographics as saved at one version. Kept for ever: the record's history, and the base against
/// which a conflicting edit is explained ("the mobile was changed by … from … to …").
/// </summary>
public sealed class PatientRevision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid Version { get; init; }
    public PatientChange Change { get; init; }
    public DateTime RecordedAtUtc { get; init; }
    public Guid? RecordedBy { get; init; }
    [StringLength(256)] public string RecordedByName { get; init; } = "";
    public string Snapshot { get; init; } = "";

    public PatientInput ReadSnapshot() => JsonSerializer.Deserialize<PatientInput>(Snapshot, JsonOptions) ?? new PatientInput();

    public static PatientRevision Of(Patient patient, PatientChange change, DateTime nowUtc, ICurrentUser user) => new()
    {
        PatientId = patient.Id,
        Version = patient.Version,
        Change = change,
        RecordedAtUtc = nowUtc,
        RecordedBy = user.UserId,
        RecordedByName = user.Name,
        Snapshot = JsonSerializer.Serialize(patient.ToInput(), JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
