using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>How a message leaves: an SMTP server, or .eml files in a folder when none is set.</summary>
public interface IMailTransport
{
    /// <summary>A short name for logs and the status line: "smtp" or "folder".</summary>
    string Name { get; }

    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Sends over SMTP with MailKit: one connection per message (inquiry mail is a trickle).</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Name => "smtp";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SocketOptions(smtp.Security), ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    /// <summary>
    /// Whether the server refused the message for good (an SMTP 5xx for the recipient): retrying cannot help.
    /// Everything else (no connection, timeouts, 4xx, sign-in problems) is worth another try.
    /// </summary>
    public static bool IsPermanent(Exception ex) =>
        ex is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500;

    /// <summary>The kind of failure, without the server's text (which can quote the address).</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"{nameof(SmtpCommandException)} {command.ErrorCode} {(int)command.StatusCode}",
        SmtpProtocolException => nameof(SmtpProtocolException),
        ServiceNotConnectedException => nameof(ServiceNotConnectedException),
        _ => ex.GetType().Name,
    };
}

/// <summary>
/// Writes each message as an .eml file (open it with any mail program) into the pickup folder: the default when no
/// SMTP server is configured, so that a new installation shows what it would send. Written to a temporary name and
/// renamed, so a reader never sees half a file.
/// </summary>
public sealed class PickupDirectoryMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public string Name => "folder";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupDirectory!;
        Directory.CreateDirectory(folder);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, ct);
        }

        File.Move(temporary, Path.Combine(folder, name + ".eml"), overwrite: true);
    }
}
