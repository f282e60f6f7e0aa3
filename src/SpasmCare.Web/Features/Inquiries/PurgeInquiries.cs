using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// Retention (DPDP: keep personal data no longer than its purpose needs): inquiries that never became patients are
/// deleted, with their notes and emails, once they have not changed for <see cref="InquiryOptions.RetentionDays"/>.
/// Each deletion leaves an audit row naming the inquiry's id and the rule, never its contents.
/// </summary>
public static class PurgeInquiries
{
    private const int Batch = 100;

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, IOptions<InquiryOptions> options,
        ILogger<Handler> logger)
    {
        /// <summary>Deletes what is due; returns how many inquiries were deleted.</summary>
        public async Task<int> RunAsync(CancellationToken ct)
        {
            var days = options.Value.RetentionDays;
            var cutoff = Clock.UtcNow(time).AddDays(-days);
            var deleted = 0;
            var skipped = new HashSet<Guid>();
            while (true)
            {
                db.ChangeTracker.Clear();
                var due = await db.Inquiries
                    .Where(i => i.PatientId == null && i.UpdatedAtUtc < cutoff && !skipped.Contains(i.Id))
                    .OrderBy(i => i.UpdatedAtUtc)
                    .Take(Batch)
                    .ToListAsync(ct);
                if (due.Count == 0)
                {
                    break;
                }

                // Notes and emails go with the inquiry (ON DELETE CASCADE).
                foreach (var inquiry in due)
                {
                    db.Inquiries.Remove(inquiry);
                    audit.Record(AuditAction.InquiryDeleted, "Inquiry", inquiry.Id.ToString(),
                        detail: $"retention: not a patient {days} days after the last change");
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    deleted += due.Count;
                }
                catch (DbUpdateConcurrencyException ex) when (ex.Entries.Any(e => e.Entity is Inquiry))
                {
                    // Someone changed one of them meanwhile (which also restarts its retention period), or another
                    // instance deleted it first: leave those, and try the rest of the batch again.
                    foreach (var changed in ex.Entries.Select(e => e.Entity).OfType<Inquiry>())
                    {
                        logger.PurgeConflict(changed.Id);
                        skipped.Add(changed.Id);
                    }
                }
            }

            if (deleted > 0)
            {
                logger.InquiriesPurged(deleted, days);
            }

            return deleted;
        }
    }
}

/// <summary>Runs <see cref="PurgeInquiries"/> at start and then every <see cref="InquiryOptions.PurgeIntervalMinutes"/>.</summary>
public sealed class InquiryRetentionWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<InquiryOptions> options,
    ILogger<InquiryRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.PurgeIntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PurgeInquiries.Handler>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.PurgeRoundFailed(ex);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
