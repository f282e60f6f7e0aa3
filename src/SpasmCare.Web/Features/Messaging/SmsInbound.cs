using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Messaging;

public enum SmsReply
{
    /// <summary>Anything else: kept nowhere, changes nothing.</summary>
    Other = 0,
    Stop = 1,
    Start = 2,
}

/// <summary>
/// Replies patients send to the clinic's SMS number, forwarded by the gateway to <c>POST /api/sms/inbound</c>
/// (anonymous, but only with the shared secret of <c>Sms:InboundSecret</c> in its header; without a configured secret
/// the webhook does not exist). STOP opts every patient with that mobile number out of SMS, START opts them back in;
/// both are audited per patient. An unknown number or any other text: 200 and nothing changes.
/// </summary>
public static class SmsInbound
{
    public const string Route = "/api/sms/inbound";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT OUT", "OPT-OUT",
        "बंद", "बन्द", "रोकें", "थांबवा",
    };

    private static readonly HashSet<string> StartWords = new(StringComparer.Ordinal)
    {
        "START", "UNSTOP", "SUBSCRIBE", "OPTIN", "OPT IN", "OPT-IN", "शुरू", "सुरू",
    };

    /// <summary>
    /// What a reply asks for: the whole text (trimmed, any case, trailing punctuation ignored) or its first word is a
    /// STOP word (STOP, STOP ALL, UNSUBSCRIBE, बंद …) or a START word (START, UNSTOP …).
    /// </summary>
    public static SmsReply Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SmsReply.Other;
        }

        var words = text.Trim().TrimEnd('.', '!', '।', ' ').ToUpperInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return SmsReply.Other;
        }

        var whole = string.Join(' ', words);
        var first = words[0].TrimEnd('.', '!', ',', '।');
        if (StopWords.Contains(whole) || StopWords.Contains(first))
        {
            return SmsReply.Stop;
        }

        return StartWords.Contains(whole) || StartWords.Contains(first) ? SmsReply.Start : SmsReply.Other;
    }

    /// <summary>Compares the header with the secret in constant time (both hashed, so their lengths leak nothing either).</summary>
    public static bool SecretMatches(string? presented, string secret) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static IEndpointRouteBuilder MapSmsInbound(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .Audited(AuditAction.SmsReplyReceived)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok, NotFound, UnauthorizedHttpResult, BadRequest>> ReceiveAsync(
        HttpContext http, IOptions<SmsOptions> options, Handler handler, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.InboundSecret))
        {
            return TypedResults.NotFound();
        }

        if (!SecretMatches(http.Request.Headers[settings.InboundSecretHeader].FirstOrDefault(), settings.InboundSecret))
        {
            return TypedResults.Unauthorized();
        }

        var (from, text) = await ReadAsync(http.Request, ct);
        if (from is null)
        {
            return TypedResults.BadRequest();
        }

        await handler.HandleAsync(from, text, ct);
        return TypedResults.Ok();
    }

    /// <summary>The sender and the text, from a form post (from/text, or Twilio's From/Body) or a JSON body.</summary>
    private static async Task<(string? From, string? Text)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return (First(form["from"], form["From"]), First(form["text"], form["Text"], form["Body"], form["body"]));
        }

        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? Get(params string[] names) => names
                .Select(n => json.RootElement.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .FirstOrDefault(v => v is not null);
            return (Get("from", "From", "sender"), Get("text", "Text", "body", "Body", "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? First(params Microsoft.Extensions.Primitives.StringValues[] values) =>
        values.Select(v => v.FirstOrDefault()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>Applies a reply to every patient with the sender's mobile number.</summary>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        /// <summary>Returns how many patients' choices changed.</summary>
        public async Task<int> HandleAsync(string from, string? text, CancellationToken ct)
        {
            var reply = Parse(text);
            var mobile = SmsNumbers.Mobile(from);
            if (reply == SmsReply.Other || mobile is null)
            {
                logger.SmsReplyIgnored(reply == SmsReply.Other ? "neither STOP nor START" : "not a mobile number");
                return 0;
            }

            var patients = await db.Patients.Where(p => p.Mobile == mobile).Select(p => p.Id).ToListAsync(ct);
            if (patients.Count == 0)
            {
                logger.SmsReplyIgnored("unknown number");
                return 0;
            }

            var current = await db.ContactPreferences
                .Where(c => patients.Contains(c.PatientId) && c.Channel == MessageChannel.Sms)
                .ToListAsync(ct);
            var now = Clock.UtcNow(time);
            var optIn = reply == SmsReply.Start;
            var changed = 0;
            foreach (var patientId in patients)
            {
                var preference = current.FirstOrDefault(c => c.PatientId == patientId);
                if (preference is { } p && p.OptedIn == optIn)
                {
                    continue;
                }

                SetContactPreference.Apply(db, patientId, MessageChannel.Sms, optIn, ContactPreferenceSource.PatientReply, null, now, preference);
                audit.Record(AuditAction.ContactPreferenceChanged, "Patient", patientId.ToString(), patientId,
                    detail: $"SMS: {(optIn ? "opted in" : "opted out")} (patient replied {reply.ToString().ToUpperInvariant()})");
                logger.SmsReplyApplied(patientId, reply);
                changed++;
            }

            // The webhook's own row: the reply came in (no number or text in it).
            audit.Record(AuditAction.SmsReplyReceived, "SmsReply", null, detail: $"{reply}: {patients.Count} patient(s) with that number");
            await db.SaveChangesAsync(ct);
            return changed;
        }
    }
}
