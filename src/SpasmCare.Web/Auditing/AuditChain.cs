namespace SpasmCare.Web.Auditing;

/// <summary>
/// Links new audit rows to the tail of the chain and verifies the whole chain. Appending happens inside the
/// writing transaction, after taking the database's writer lock (an advisory lock on PostgreSQL; SQLite's
/// <c>BEGIN IMMEDIATE</c> already serialises writers), so two instances can never link to the same tail.
/// </summary>
public static class AuditChain
{
    private const long PostgresLockKey = 0x5C_A0D1;

    public static async Task AppendAsync(SpasmCareDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        }

        var tail = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? "";
        foreach (var e in events)
        {
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = e.ComputeHash();
            previous = e.Hash;
        }
    }

    /// <summary>Walks the chain in pages; returns the first broken sequence number, or null when intact.</summary>
    public static async Task<ChainCheck> VerifyAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        const int page = 5000;
        long after = 0;
        long expected = 1;
        var previous = "";
        long count = 0;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(page)
                .ToListAsync(ct);
            foreach (var e in batch)
            {
                if (e.Sequence != expected)
                {
                    return new ChainCheck(count, expected, "a row is missing");
                }

                if (e.PreviousHash != previous || e.ComputeHash() != e.Hash)
                {
                    return new ChainCheck(count, e.Sequence, "a row was altered");
                }

                previous = e.Hash;
                expected++;
                count++;
            }

            if (batch.Count < page)
            {
                return new ChainCheck(count, null, null);
            }

            after = batch[^1].Sequence;
        }
    }
}

public sealed record ChainCheck(long RowsChecked, long? BrokenAtSequence, string? Problem)
{
    public bool Intact => BrokenAtSequence is null;
}
