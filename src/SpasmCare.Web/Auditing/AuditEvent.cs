using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpasmCare.Web.Auditing;

/// <summary>
/// One row of the append-only audit trail: who touched which record, when, how, with what outcome. It never holds
/// clinical values. Rows are hash-chained in <see cref="Sequence"/> order so that a changed or removed row is
/// detectable (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public long Sequence { get; set; }
    public DateTime OccurredAtUtc { get; init; }
    public Guid? ActorId { get; init; }
    [StringLength(256)] public string ActorName { get; init; } = "";
    public AuditAction Action { get; init; }
    [StringLength(64)] public string SubjectType { get; init; } = "";
    [StringLength(64)] public string? SubjectId { get; init; }
    public Guid? PatientId { get; init; }
    public AuditOutcome Outcome { get; init; }
    public int StatusCode { get; init; }
    [StringLength(64)] public string? TraceId { get; init; }
    [StringLength(64)] public string? ClientIp { get; init; }
    [StringLength(200)] public string? Detail { get; init; }
    [StringLength(64)] public string PreviousHash { get; set; } = "";
    [StringLength(64)] public string Hash { get; set; } = "";

    public string ComputeHash()
    {
        var canonical = string.Join('|',
            Sequence.ToString(CultureInfo.InvariantCulture),
            Id.ToString("N"),
            OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "",
            ActorName,
            ((int)Action).ToString(CultureInfo.InvariantCulture),
            SubjectType,
            SubjectId ?? "",
            PatientId?.ToString("N") ?? "",
            ((int)Outcome).ToString(CultureInfo.InvariantCulture),
            StatusCode.ToString(CultureInfo.InvariantCulture),
            TraceId ?? "",
            ClientIp ?? "",
            Detail ?? "",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
