using System.Threading.Channels;

namespace SpasmCare.Web.Auditing;

/// <summary>
/// Commits read-audit rows with group commit: concurrent requests hand their rows to one writer, which commits
/// whatever has queued up in a single transaction (one fsync) and only then releases the waiting requests. A
/// response that shows patient data therefore always follows a committed audit row.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(
        new UnboundedChannelOptions { SingleReader = true });

    public Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit writer has stopped.");
        }

        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var rows = 0;
                while (rows < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                    rows += item.Events.Count;
                }

                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            foreach (var item in batch)
            {
                item.Done.TrySetCanceled(stoppingToken);
            }

            while (_queue.Reader.TryRead(out var item))
            {
                item.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
            foreach (var item in batch)
            {
                db.AuditEvents.AddRange(item.Events);
            }

            await db.SaveChangesAsync(ct);
            foreach (var item in batch)
            {
                item.Done.TrySetResult();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.AuditBatchFailed(ex, batch.Count);
            foreach (var item in batch)
            {
                item.Done.TrySetException(new AuditUnavailableException(ex));
            }
        }
    }

    private sealed record Pending(IReadOnlyList<AuditEvent> Events, TaskCompletionSource Done);
}

/// <summary>The audit store could not commit; the request must not return patient data (503).</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit trail could not be written.", inner);
