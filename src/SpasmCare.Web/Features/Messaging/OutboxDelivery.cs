using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;

using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Drains the outbox: takes due messages one by one with a lease (a conditional UPDATE that only one instance can
/// win), sends each, and records the outcome. A failure is retried after 30 s, then 1, 2, 4 … minutes up to an hour,
/// for as long as it takes; only a recipient the server refuses for good ends the tries (shown to staff).
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes, IMailTransport transport, TimeProvider time, IOptions<MailOptions> options,
    ILogger<OutboxDelivery> logger)
{
    /// <summary>Sends what is due now; returns how many messages went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var settings = options.Value.Outbox;
        var sent = 0;
        while (true)
        {
            var now = Clock.UtcNow(time);
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
                due = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                    .OrderBy(m => m.NextAttemptAtUtc)
                    .Select(m => m.Id)
                    .Take(settings.BatchSize)
                    .ToListAsync(ct);
            }

            foreach (var id in due)
            {
                if (await TryClaimAsync(id, ct) is { } token && await DeliverAsync(id, token, ct))
                {
                    sent++;
                }
            }

            if (due.Count < settings.BatchSize)
            {
                return sent;
            }
        }
    }

    /// <summary>The lease: set only if nobody holds a live one. Returns the token that proves ownership.</summary>
    private async Task<Guid?> TryClaimAsync(Guid id, CancellationToken ct)
    {
        var now = Clock.UtcNow(time);
        var until = now.AddSeconds(options.Value.Outbox.LeaseSeconds);
        var token = Guid.NewGuid();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until).SetProperty(m => m.ClaimToken, token), ct);
        return claimed == 1 ? token : null;
    }

    private async Task<bool> DeliverAsync(Guid id, Guid token, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id && m.ClaimToken == token, ct);
        if (message is null)
        {
            return false;
        }

        Exception? failure = null;
        try
        {
            await transport.SendAsync(ToMime(message), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failure = ex;
        }

        var now = Clock.UtcNow(time);
        message.ClaimedUntilUtc = null;
        message.ClaimToken = null;
        if (failure is null)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = now;
            message.Attempts++;
            message.LastError = null;
            // Data minimisation: the mailbox has the message now.
            message.TextBody = "";
            message.HtmlBody = null;
            RecordAudit(audit, message, AuditAction.InquiryMailSent, AuditOutcome.Succeeded);
        }
        else
        {
            message.Attempts++;
            message.LastError = Truncate(SmtpMailTransport.Describe(failure), OutboxMessage.ErrorMax);
            if (SmtpMailTransport.IsPermanent(failure) || failure is ParseException)
            {
                message.Status = OutboxStatus.Failed;
                RecordAudit(audit, message, AuditAction.InquiryMailFailed, AuditOutcome.Failed);
                logger.OutboxMessageRefused(message.Id, message.Kind, message.LastError);
            }
            else
            {
                message.NextAttemptAtUtc = now + Backoff(message.Attempts);
                logger.OutboxMessageDeferred(message.Id, message.Kind, message.Attempts, message.LastError, message.NextAttemptAtUtc);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out mid-send and another worker took the message over; it records the outcome.
            logger.OutboxLeaseLost(message.Id);
            return false;
        }

        if (failure is null)
        {
            logger.OutboxMessageSent(message.Id, message.Kind, transport.Name);
        }

        return failure is null;
    }

    /// <summary>30 s, 1, 2, 4, 8 … minutes up to the cap, plus up to 10% jitter so that instances do not retry in step.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var settings = options.Value.Outbox;
        var seconds = Math.Min(settings.MaxRetrySeconds, settings.FirstRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.1)));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mail = options.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAtUtc, TimeSpan.Zero),
            MessageId = $"{message.Id:N}@spasmcare",
        };
        mime.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static void RecordAudit(AuditLog audit, OutboxMessage message, AuditAction action, AuditOutcome outcome)
    {
        if (message.InquiryId is { } inquiryId)
        {
            audit.Record(action, "Inquiry", inquiryId.ToString(), outcome: outcome,
                statusCode: outcome == AuditOutcome.Succeeded ? 200 : 550, detail: message.Kind);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>Wakes the outbox worker of this instance when a message is queued, instead of waiting for its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/> on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _wake.Reader.WaitToReadAsync(cts.Token).AsTask();
        var delay = Task.Delay(timeout, time, cts.Token);
        await Task.WhenAny(woken, delay);
        await cts.CancelAsync();
        while (_wake.Reader.TryRead(out _))
        {
        }

        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>The background loop of <see cref="OutboxDelivery"/>: on start, when woken, and every poll interval.</summary>
public sealed class OutboxWorker(
    OutboxDelivery delivery, OutboxSignal signal, TimeProvider time, IOptions<MailOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.Outbox.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken);
                await signal.WaitAsync(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.OutboxRoundFailed(ex);
                try
                {
                    await signal.WaitAsync(poll, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
