namespace SpasmCare.Web.Features.Recall;

/// <summary>Recall-list events, ids only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1160, Level = LogLevel.Information, Message = "Recall action {ActionId} for patient {PatientId}: {Outcome}")]
    public static partial void RecallActionRecorded(this ILogger logger, Guid actionId, Guid patientId, RecallOutcome outcome);
}
