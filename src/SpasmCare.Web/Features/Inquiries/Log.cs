namespace SpasmCare.Web.Features.Inquiries;

// Event ids 1200–1299. Log ids, references and kinds; never names, addresses, numbers or message text.
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Inquiry {InquiryId} received")]
    public static partial void InquiryReceived(this ILogger logger, Guid inquiryId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Inquiry {InquiryId} form posted again (same answers: {SameAnswers}); nothing new stored")]
    public static partial void InquiryResubmitted(this ILogger logger, Guid inquiryId, bool sameAnswers);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Inquiry form post dropped: the spam trap was filled")]
    public static partial void SpamTrapFilled(this ILogger logger);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Inquiry {InquiryId} updated: {Changes}")]
    public static partial void InquiryUpdated(this ILogger logger, Guid inquiryId, string changes);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Inquiry {InquiryId} edit refused: stale version")]
    public static partial void InquiryEditConflict(this ILogger logger, Guid inquiryId);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Inquiry {InquiryId} converted to patient {PatientId}")]
    public static partial void InquiryConverted(this ILogger logger, Guid inquiryId, Guid patientId);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Retention: {Count} inquiries deleted that did not become patients within {Days} days of their last change")]
    public static partial void InquiriesPurged(this ILogger logger, int count, int days);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Retention: inquiry {InquiryId} changed while being deleted; it is tried again next round")]
    public static partial void PurgeConflict(this ILogger logger, Guid inquiryId);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Error, Message = "Retention round failed")]
    public static partial void PurgeRoundFailed(this ILogger logger, Exception ex);

    [LoggerMessage(EventId = 1220, Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) sent by {Transport}")]
    public static partial void OutboxMessageSent(this ILogger logger, Guid messageId, string kind, string transport);

    [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) not sent, attempt {Attempts} ({Error}); next try at {NextAttemptAtUtc:o}")]
    public static partial void OutboxMessageDeferred(this ILogger logger, Guid messageId, string kind, int attempts, string? error, DateTime nextAttemptAtUtc);

    [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) refused for good by the mail server ({Error})")]
    public static partial void OutboxMessageRefused(this ILogger logger, Guid messageId, string kind, string? error);

    [LoggerMessage(EventId = 1223, Level = LogLevel.Warning, Message = "Outbox message {MessageId}: lease lost while sending; the other worker records the outcome")]
    public static partial void OutboxLeaseLost(this ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 1224, Level = LogLevel.Error, Message = "Outbox round failed")]
    public static partial void OutboxRoundFailed(this ILogger logger, Exception ex);
}
