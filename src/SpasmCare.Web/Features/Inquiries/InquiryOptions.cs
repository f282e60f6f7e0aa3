namespace SpasmCare.Web.Features.Inquiries;

/// <summary>The inquiry funnel's settings (configuration section <c>Inquiries</c>).</summary>
public sealed class InquiryOptions
{
    public const string Section = "Inquiries";

    /// <summary>Inquiries that never became patients are deleted this many days after their last change.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often the retention job looks for inquiries to delete.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>Where new inquiries are announced (the front desk's shared mailbox); empty: no announcement.</summary>
    public string FrontDeskEmail { get; set; } = "";

    /// <summary>The staff address of this SpasmCare, such as https://clinic.example, for the link in the announcement.</summary>
    public string? StaffBaseUrl { get; set; }

    /// <summary>Inquiry posts accepted from one client address per window; more get a friendly 429 page.</summary>
    public int RateLimitPermits { get; set; } = 5;

    public int RateLimitWindowMinutes { get; set; } = 10;
}

/// <summary>
/// Outgoing mail (configuration section <c>Mail</c>). With no <c>Smtp:Host</c>, messages are written as .eml files
/// into <see cref="PickupDirectory"/> (default <c>data/mail</c>), so a new installation shows what it would send.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@clinic.example";
    public string FromName { get; set; } = "SpasmCare Clinic";

    /// <summary>The folder for .eml files when no SMTP server is set; relative paths are under the app's folder.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
    public OutboxOptions Outbox { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public enum SmtpSecurity
{
    /// <summary>TLS when the server offers it (STARTTLS or the TLS port 465).</summary>
    Auto = 0,

    /// <summary>Plain connection; only for a relay on the same machine or a test server.</summary>
    None = 1,

    /// <summary>Connect in plain text, then require STARTTLS (port 587).</summary>
    StartTls = 2,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 3,
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class OutboxOptions
{
    /// <summary>How often each instance looks for mail that is due (a new inquiry also wakes it at once).</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>How long a worker owns a message it took; longer than an SMTP conversation can last.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>The wait after the first failure; it doubles after each further failure, up to <see cref="MaxRetrySeconds"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 30;

    public int MaxRetrySeconds { get; set; } = 3600;

    public int BatchSize { get; set; } = 20;
}
