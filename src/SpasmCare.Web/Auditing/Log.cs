namespace SpasmCare.Web.Auditing;

internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "Audit batch of {Requests} requests failed to commit")]
    public static partial void AuditBatchFailed(this ILogger logger, Exception ex, int requests);
}
