namespace SpasmCare.Web.Features.Inquiries;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>The mail server refused the message for good (such as an unknown recipient); kept, shown to staff.</summary>
    Failed = 2,
}

/// <summary>
/// An email waiting to go out, written in the same transaction as the change that caused it, so that nothing is lost
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
