using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Messaging;

public enum SmsProvider
{
    /// <summary>Each SMS written as a text file into <see cref="SmsOptions.Directory"/>: the default, so a new installation shows what it would send.</summary>
    File = 0,

    /// <summary>A generic HTTP SMS gateway (<see cref="SmsOptions.Http"/>).</summary>
    Http = 1,
}

/// <summary>Text messages (configuration section <c>Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsProvider Provider { get; set; } = SmsProvider.File;

    /// <summary>The folder of the file provider; relative paths are under the app's folder. Default <c>data/sms</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>The registered sender id (DLT header in India) the gateway sends from.</summary>
    public string SenderId { get; set; } = "SPASMC";

    public HttpSmsOptions Http { get; set; } = new();

    /// <summary>
    /// The shared secret a gateway sends in the <see cref="InboundSecretHeader"/> header when it forwards a reply
    /// (STOP, START) to <c>POST /api/sms/inbound</c>. Empty: the webhook does not exist (404).
    /// </summary>
    public string? InboundSecret { get; set; }

    public string InboundSecretHeader { get; set; } = "X-Sms-Secret";
}

public sealed class HttpSmsOptions
{
    /// <summary>The gateway's send address, such as https://sms.example/v1/messages: a JSON POST of {to, from, text}.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The header that carries the API key.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ApiKey { get; set; }

    public int TimeoutSeconds { get; set; } = 15;
}

/// <summary>How an SMS leaves: a gateway, or a folder of files when none is set.</summary>
public interface ISmsSender
{
    /// <summary>A short name for logs: "file" or "http".</summary>
    string Name { get; }

    /// <summary>Sends one text to a number in E.164 form; returns the provider's message id.</summary>
    /// <exception cref="SmsSendException">The provider refused it (<see cref="SmsSendException.Permanent"/>) or failed.</exception>
    Task<string> SendAsync(string toE164, string text, CancellationToken ct);
}

/// <summary>
/// An SMS the provider did not take. <see cref="Permanent"/>: it refused this message for good (a bad number, a
/// rejected text) and retrying cannot help; otherwise the outbox tries again later. <see cref="Kind"/> describes the
/// failure without the provider's text (which can quote the number).
/// </summary>
public sealed class SmsSendException(string kind, bool permanent, Exception? inner = null)
    : Exception($"SMS not sent: {kind}", inner)
{
    public string Kind { get; } = kind;
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// Writes each SMS as a UTF-8 text file (number, sender, text) into the SMS folder: the default provider, so that a
/// new installation shows what it would send. Written to a temporary name and renamed, so a reader never sees half a
/// file.
/// </summary>
public sealed class FileSmsSender(IOptions<SmsOptions> options, TimeProvider time) : ISmsSender
{
    public string Name => "file";

    public async Task<string> SendAsync(string toE164, string text, CancellationToken ct)
    {
        var settings = options.Value;
        var folder = settings.Directory!;
        System.IO.Directory.CreateDirectory(folder);
        var id = "file-" + Guid.CreateVersion7().ToString("N");
        var name = $"{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{id}";
        var temporary = Path.Combine(folder, name + ".tmp");
        var content = new StringBuilder()
            .Append("To: ").Append(toE164).Append('\n')
            .Append("From: ").Append(settings.SenderId).Append('\n')
            .Append("Id: ").Append(id).Append('\n')
            .Append('\n')
            .Append(text).Append('\n')
            .ToString();
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false), ct);
        File.Move(temporary, Path.Combine(folder, name + ".txt"), overwrite: true);
        return id;
    }
}

/// <summary>
/// A generic HTTP SMS gateway: <c>POST {BaseUrl}</c> with the API key in a header and the JSON body
/// <c>{"to": "+91…", "from": "SENDER", "text": "…"}</c>. A 2xx answer with an id (<c>id</c> or <c>messageId</c>) is
/// sent; 408, 429 and 5xx answers, timeouts and network failures are retried by the outbox; any other 4xx is a
/// refusal for good.
/// </summary>
public sealed class HttpSmsSender(IHttpClientFactory clients, IOptions<SmsOptions> options) : ISmsSender
{
    public const string ClientName = "sms";

    public string Name => "http";

    public async Task<string> SendAsync(string toE164, string text, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Http.BaseUrl)
        {
            Content = JsonContent.Create(new { to = toE164, from = settings.SenderId, text }),
        };
        if (!string.IsNullOrEmpty(settings.Http.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(settings.Http.ApiKeyHeader, settings.Http.ApiKey);
        }

        using var http = clients.CreateClient(ClientName);
        using var response = await http.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return await IdOfAsync(response, ct) ?? throw new SmsSendException($"Http {status} without an id", permanent: true);
        }

        throw new SmsSendException($"Http {status}", IsPermanent(response.StatusCode));
    }

    /// <summary>Whether an error answer means "never": a client error other than a timeout or a rate limit.</summary>
    public static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static async Task<string?> IdOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            foreach (var name in new[] { "id", "messageId", "message_id" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value))
                {
                    var id = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Number => value.GetRawText(),
                        _ => null,
                    };
                    if (!string.IsNullOrWhiteSpace(id))
                    {
                        return id.Length <= 100 ? id : id[..100];
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}

/// <summary>Phone numbers as SMS providers want them.</summary>
public static class SmsNumbers
{
    /// <summary>A stored 10-digit Indian mobile number in E.164 form (+919820012345); null when there is none.</summary>
    public static string? E164(string? mobile) =>
        Patients.PatientFormats.NormalizeMobile(mobile) is { } digits ? "+91" + digits : null;

    /// <summary>The 10-digit form of any way a sender's number arrives (+91…, 91…, 0…, spaces); null if it is not one.</summary>
    public static string? Mobile(string? from) => Patients.PatientFormats.NormalizeMobile(from);

    /// <summary>The failure kind for the outbox row (never the provider's text).</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SmsSendException sms => "Sms " + sms.Kind,
        TaskCanceledException => "Sms timeout",
        HttpRequestException http => "Sms " + http.HttpRequestError,
        _ => "Sms " + ex.GetType().Name,
    };
}
