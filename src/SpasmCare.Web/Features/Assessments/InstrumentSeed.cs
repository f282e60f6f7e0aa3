using SpasmCare.Clinical.Scales;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// Start-up step: every built-in instrument of <see cref="InstrumentCatalogue.All"/> is a row of the Instruments
/// table. Only missing versions are added, so restarting changes nothing, and a version an admin deactivated stays
/// deactivated. A stored version is never rewritten: scores name the version they were scored with.
/// </summary>
public static class InstrumentSeed
{
    public static async Task EnsureBuiltInsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SpasmCareDbContext>();
        var time = sp.GetRequiredService<TimeProvider>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InstrumentSeed));

        var stored = await db.Instruments.AsNoTracking()
            .Where(i => i.IsBuiltIn)
            .Select(i => new { i.Code, i.Version, i.Definition })
            .ToListAsync(ct);
        var now = Clock.UtcNow(time);
        var added = new List<InstrumentRecord>();
        foreach (var definition in InstrumentCatalogue.All)
        {
            var json = InstrumentJson.Write(definition);
            var existing = stored.FirstOrDefault(s =>
                string.Equals(s.Code, definition.Code, StringComparison.Ordinal)
                && string.Equals(s.Version, definition.Version, StringComparison.Ordinal));
            if (existing is not null)
            {
                if (!string.Equals(existing.Definition, json, StringComparison.Ordinal))
                {
                    // The code's built-in changed without a new version; the stored one stays, as scores rest on it.
                    logger.BuiltInInstrumentDiffers(definition.Code, definition.Version);
                }

                continue;
            }

            added.Add(new InstrumentRecord
            {
                Code = definition.Code,
                Version = definition.Version,
                Name = definition.Name,
                Definition = json,
                IsBuiltIn = true,
                IsActive = true,
                LoadedAtUtc = now,
            });
        }

        if (added.Count == 0)
        {
            return;
        }

        var audit = sp.GetRequiredService<AuditLog>();
        db.Instruments.AddRange(added);
        foreach (var record in added)
        {
            audit.Record(AuditAction.InstrumentLoaded, "Instrument", record.Id.ToString(),
                detail: $"built-in {record.Code} {record.Version}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
            logger.BuiltInInstrumentsAdded(added.Count);
        }
        catch (DbUpdateException)
        {
            // Another instance may have started at the same time and added them first (unique code + version).
            if (!await AllPresentAsync(db, added, ct))
            {
                throw;
            }
        }
    }

    private static async Task<bool> AllPresentAsync(SpasmCareDbContext db, List<InstrumentRecord> added, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var codes = added.Select(a => a.Code).ToList();
        var present = await db.Instruments.AsNoTracking()
            .Where(i => codes.Contains(i.Code))
            .Select(i => new { i.Code, i.Version })
            .ToListAsync(ct);
        return added.All(a => present.Any(p => p.Code == a.Code && p.Version == a.Version));
    }
}
