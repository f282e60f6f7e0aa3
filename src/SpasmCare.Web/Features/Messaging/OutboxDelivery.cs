using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;

using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// Drains the outbox: takes due messages one by one with a lease (a conditional UPDATE that only one instance can
/// win), sends each, and records the outcome. A failure is retried after 30 s, then 1, 2, 4 … minutes up to an hour,
/// for as long as it takes; only a recipient the server refuses for good ends the tries (shown to staff). Emails go
/// through <see cref="IMailTransport"/>, SMS through <see cref="ISmsSender"/>. A message to a patient is checked
/// again when due: if they withdrew consent or opted out of the channel since it was written it is suppressed (never
/// sent), and a reminder of an appointment no longer booked is cancelled.
/// </summary>
public sealed class OutboxDelivery(
    IServiceScopeFactory scopes, IMailTransport transport, ISmsSender sms, TimeProvider time, IOptions<MailOptions> options,
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

        if (await StopReasonAsync(db, message, ct) is { } stop)
        {
            message.ClaimedUntilUtc = null;
            message.ClaimToken = null;
            message.Status = stop.Status;
            // Data minimisation: a message that will never be sent need not keep its text.
            message.TextBody = "";
            message.HtmlBody = null;
            if (stop.Status == OutboxStatus.Suppressed)
            {
                audit.Record(AuditAction.PatientMessageSuppressed, "OutboxMessage", message.Id.ToString(), message.PatientId,
                    detail: $"{message.Kind} by {MessageTemplates.Label(message.Channel)}: {stop.Reason}");
                logger.OutboxMessageSuppressed(message.Id, message.Kind, message.Channel, stop.Reason);
            }
            else
            {
                logger.OutboxMessageCancelled(message.Id, message.Kind);
            }

            await SaveOutcomeAsync(db, message, ct);
            return false;
        }

        Exception? failure = null;
        string? providerId = null;
        try
        {
            if (message.Channel == MessageChannel.Sms)
            {
                providerId = await sms.SendAsync(message.ToAddress, message.TextBody, ct);
            }
            else
            {
                await transport.SendAsync(ToMime(message), ct);
            }
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
            message.ProviderMessageId = providerId;
            // Data minimisation: the mailbox (or phone) has the message now.
            message.TextBody = "";
            message.HtmlBody = null;
            RecordAudit(audit, message, AuditAction.InquiryMailSent, AuditOutcome.Succeeded);
        }
        else
        {
            message.Attempts++;
            var isSms = message.Channel == MessageChannel.Sms;
            message.LastError = Truncate(isSms ? SmsNumbers.Describe(failure) : SmtpMailTransport.Describe(failure), OutboxMessage.ErrorMax);
            var permanent = isSms
                ? failure is SmsSendException { Permanent: true }
                : SmtpMailTransport.IsPermanent(failure) || failure is ParseException;
            if (permanent)
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

        if (!await SaveOutcomeAsync(db, message, ct))
        {
            return false;
        }

        if (failure is null)
        {
            logger.OutboxMessageSent(message.Id, message.Kind, message.Channel == MessageChannel.Sms ? sms.Name : transport.Name);
            if (providerId is not null)
            {
                logger.SmsSent(sms.Name, providerId);
            }
        }

        return failure is null;
    }

    /// <summary>Why a due patient message must not go out: the appointment it reminds of is no longer booked (cancelled), or consent (suppressed).</summary>
    private static async Task<(OutboxStatus Status, string Reason)?> StopReasonAsync(SpasmCareDbContext db, OutboxMessage message, CancellationToken ct)
    {
        if (message.AppointmentId is { } appointmentId
            && !await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.Status == AppointmentStatus.Booked, ct))
        {
            return (OutboxStatus.Cancelled, "appointment no longer booked");
        }

        return await PatientMessages.StopReasonAsync(db, message, ct) is { } reason ? (OutboxStatus.Suppressed, reason) : null;
    }

    /// <summary>Saves the outcome; false when the lease ran out mid-send and another worker took the message over (it records the outcome).</summary>
    private async Task<bool> SaveOutcomeAsync(SpasmCareDbContext db, OutboxMessage message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.OutboxLeaseLost(message.Id);
            return false;
        }
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
        var status = outcome == AuditOutcome.Succeeded ? 200 : 550;
        if (message.InquiryId is { } inquiryId)
        {
            audit.Record(action, "Inquiry", inquiryId.ToString(), outcome: outcome, statusCode: status, detail: message.Kind);
        }
        else if (message.PatientId is { } patientId)
        {
            audit.Record(outcome == AuditOutcome.Succeeded ? AuditAction.PatientMessageSent : AuditAction.PatientMessageFailed,
                "OutboxMessage", message.Id.ToString(), patientId, outcome, status,
                $"{message.Kind} by {MessageTemplates.Label(message.Channel)}" + (message.LastError is { } e ? ": " + e : ""));
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
