using System.Diagnostics;

namespace SpasmCare.Web.Auditing;

/// <summary>
/// The request's audit recorder. <see cref="Record"/> adds a row to the request's <see cref="SpasmCareDbContext"/>,
/// so it commits in the same transaction as the change it describes. <see cref="Read"/> collects read rows that
/// the audit filters commit (through <see cref="AuditWriter"/>) before the response is written.
/// </summary>
public sealed class AuditLog(SpasmCareDbContext db, IHttpContextAccessor accessor, ICurrentUser user, TimeProvider time)
{
    private readonly List<AuditEvent> _reads = [];

    /// <summary>How many rows this request has recorded, writes and reads together.</summary>
    public int Recorded { get; private set; }

    internal IReadOnlyList<AuditEvent> PendingReads => _reads;

    public void Record(AuditAction action, string subjectType, string? subjectId, Guid? patientId = null,
        AuditOutcome outcome = AuditOutcome.Succeeded, int statusCode = 200, string? detail = null)
    {
        db.AuditEvents.Add(Create(action, subjectType, subjectId, patientId, outcome, statusCode, detail));
        Recorded++;
    }

    public void Read(AuditAction action, Guid patientId, string subjectType = "Patient", string? subjectId = null)
    {
        _reads.Add(Create(action, subjectType, subjectId ?? patientId.ToString(), patientId,
            AuditOutcome.Succeeded, 200, null));
        Recorded++;
    }

    public AuditEvent Create(AuditAction action, string subjectType, string? subjectId, Guid? patientId,
        AuditOutcome outcome, int statusCode, string? detail)
    {
        var http = accessor.HttpContext;
        return new AuditEvent
        {
            OccurredAtUtc = Clock.UtcNow(time),
            ActorId = user.UserId,
            ActorName = Truncate(user.Name, 256),
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId is null ? null : Truncate(subjectId, 64),
            PatientId = patientId,
            Outcome = outcome,
            StatusCode = statusCode,
            TraceId = Activity.Current?.TraceId.ToString() ?? http?.TraceIdentifier,
            ClientIp = http?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is null ? null : Truncate(detail, 200),
        };
    }

    internal List<AuditEvent> TakeReads(int statusCode)
    {
        var outcome = OutcomeOf(statusCode);
        var taken = _reads.Select(r => new AuditEvent
        {
            Id = r.Id,
            OccurredAtUtc = r.OccurredAtUtc,
            ActorId = r.ActorId,
            ActorName = r.ActorName,
            Action = r.Action,
            SubjectType = r.SubjectType,
            SubjectId = r.SubjectId,
            PatientId = r.PatientId,
            Outcome = outcome,
            StatusCode = statusCode,
            TraceId = r.TraceId,
            ClientIp = r.ClientIp,
            Detail = r.Detail,
        }).ToList();
        _reads.Clear();
        return taken;
    }

    public static AuditOutcome OutcomeOf(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditOutcome.Denied,
        StatusCodes.Status404NotFound or StatusCodes.Status410Gone => AuditOutcome.NotFound,
        >= 400 => AuditOutcome.Failed,
        _ => AuditOutcome.Succeeded,
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
