namespace SpasmCare.Web.Features.Messaging;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>The mail server refused the message for good (such as an unknown recipient); kept, shown to staff.</summary>
    Failed = 2,

    /// <summary>Not to be sent any more: the appointment it reminds of was moved or cancelled.</summary>
    Cancelled = 3,

    /// <summary>Not sent: by the time it was due the patient had opted out of the channel (or withdrew consent).</summary>
    Suppressed = 4,
}

/// <summary>How a message reaches its recipient.</summary>
public enum MessageChannel
{
    Email = 0,
    Sms = 1,
}

/// <summary>
/// An email or SMS waiting to go out, written in the same transaction as the change that caused it, so that nothing is lost
/// when the mail server is down: <see cref="OutboxDelivery"/> sends it later and retries with backoff. A worker owns a
/// row while <see cref="ClaimedUntilUtc"/> lies ahead (a lease taken with a conditional UPDATE), so several web
/// instances can drain one table. Once sent, the bodies are cleared: the mailbox has the message now.
/// </summary>
public sealed class OutboxMessage
{
    public const int KindMax = 40;
    public const int AddressMax = 254;
    public const int NameMax = 100;
    public const int SubjectMax = 200;
    public const int ErrorMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the message is, such as <c>inquiry-acknowledgement</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>The inquiry it belongs to; deleting the inquiry deletes the message.</summary>
    public Guid? InquiryId { get; init; }

    public MessageChannel Channel { get; init; }

    /// <summary>The patient it is for (reminders, follow-up messages); their channel consent is checked again when it is due.</summary>
    public Guid? PatientId { get; init; }

    /// <summary>The appointment it reminds of; moving or cancelling the appointment cancels the pending message.</summary>
    public Guid? AppointmentId { get; init; }

    /// <summary>The template language it was written in (en, hi, mr).</summary>
    [StringLength(5)] public string? Language { get; init; }

    /// <summary>The provider's id for a sent SMS, to match delivery reports.</summary>
    [StringLength(100)] public string? ProviderMessageId { get; set; }

    /// <summary>An email address, or for an SMS a mobile number in E.164 form (+919820012345).</summary>
    public string ToAddress { get; init; } = "";
    public string ToName { get; init; } = "";
    public string Subject { get; init; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }

    public DateTime CreatedAtUtc { get; init; }
    public OutboxStatus Status { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>Who holds the lease; the concurrency token of every write after the claim.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>The kind of the last failure (exception type and SMTP status), never the server's text.</summary>
    public string? LastError { get; set; }
}
