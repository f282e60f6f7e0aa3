namespace SpasmCare.Web.Features.Messaging;

// Event ids 1900–1949. Log ids, kinds and channels; never names, numbers, addresses or message text.
internal static partial class Log
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}, {Channel}) not sent: {Reason}; suppressed")]
    public static partial void OutboxMessageSuppressed(this ILogger logger, Guid messageId, string kind, MessageChannel channel, string reason);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) cancelled at delivery: its appointment is no longer booked")]
    public static partial void OutboxMessageCancelled(this ILogger logger, Guid messageId, string kind);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Information, Message = "SMS sent by the {Provider} provider: provider message id {ProviderMessageId}")]
    public static partial void SmsSent(this ILogger logger, string provider, string providerMessageId);

    [LoggerMessage(EventId = 1910, Level = LogLevel.Information, Message = "SMS reply for patient {PatientId}: {Reply}")]
    public static partial void SmsReplyApplied(this ILogger logger, Guid patientId, SmsReply reply);

    [LoggerMessage(EventId = 1911, Level = LogLevel.Information, Message = "SMS reply changed nothing ({Reason})")]
    public static partial void SmsReplyIgnored(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1920, Level = LogLevel.Information, Message = "Message template {TemplateId} updated")]
    public static partial void TemplateUpdated(this ILogger logger, Guid templateId);
}
