namespace SpasmCare.Web.Features.Surgery;

// Event ids 1800–1829 (the MVD pathway). Log ids, never findings, names or notes.
internal static partial class PathwayLog
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "MVD case {CaseId} of patient {PatientId}: {Change}")]
    public static partial void CaseChanged(this ILogger logger, Guid caseId, Guid patientId, string change);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "MVD case {CaseId}: {Action} refused, stale version")]
    public static partial void StaleVersion(this ILogger logger, Guid caseId, AuditAction action);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "MVD case {CaseId}: booking refused, the slot overlaps case {OtherCaseId}")]
    public static partial void SlotTaken(this ILogger logger, Guid caseId, Guid otherCaseId);
}
