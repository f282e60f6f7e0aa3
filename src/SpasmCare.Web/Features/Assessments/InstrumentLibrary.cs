using System.Collections.Concurrent;
using SpasmCare.Clinical.Scales;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>An instrument that can be chosen for a new score: the newest active version of its code.</summary>
public sealed record InstrumentChoice(string Code, string Version, string Name);

/// <summary>
/// The instrument versions in the database, read as <see cref="InstrumentDefinition"/>s. A stored version never
/// changes (a new version is a new row), so parsed definitions are kept for the life of the process.
/// </summary>
public sealed class InstrumentLibrary(SpasmCareDbContext db, InstrumentLibrary.Cache cache)
{
    /// <summary>Parsed definitions by code and version; safe to share because stored versions are immutable.</summary>
    public sealed class Cache
    {
        private readonly ConcurrentDictionary<(string Code, string Version), InstrumentDefinition> _definitions = new();

        public InstrumentDefinition Parse(string code, string version, string json) =>
            _definitions.GetOrAdd((code, version), _ => InstrumentJson.Read(json).Definition
                ?? throw new InvalidOperationException($"The stored definition of {code} {version} is not valid."));
    }

    /// <summary>The newest active version of every code, ordered by code: what is offered for new scores.</summary>
    public async Task<IReadOnlyList<InstrumentChoice>> ChoicesAsync(CancellationToken ct)
    {
        var active = await db.Instruments.AsNoTracking()
            .Where(i => i.IsActive)
            .Select(i => new { i.Code, i.Version, i.Name, i.LoadedAtUtc, i.Id })
            .ToListAsync(ct);
        return active
            .GroupBy(i => i.Code, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(i => i.LoadedAtUtc).ThenByDescending(i => i.Id).First())
            .OrderBy(i => Order(i.Code)).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => new InstrumentChoice(i.Code, i.Version, i.Name))
            .ToList();
    }

    /// <summary>The newest active version of <paramref name="code"/>, or null when there is none.</summary>
    public async Task<InstrumentDefinition?> CurrentAsync(string code, CancellationToken ct)
    {
        var record = await db.Instruments.AsNoTracking()
            .Where(i => i.Code == code && i.IsActive)
            .OrderByDescending(i => i.LoadedAtUtc).ThenByDescending(i => i.Id)
            .FirstOrDefaultAsync(ct);
        return record is null ? null : cache.Parse(record.Code, record.Version, record.Definition);
    }

    /// <summary>A version by code and version, active or not (old scores keep theirs); null when unknown.</summary>
    public async Task<InstrumentDefinition?> FindAsync(string code, string version, CancellationToken ct)
    {
        var record = await db.Instruments.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Code == code && i.Version == version, ct);
        return record is null ? null : cache.Parse(record.Code, record.Version, record.Definition);
    }

    /// <summary>Whether the version is active, i.e. may be used for a new score.</summary>
    public Task<bool> IsActiveAsync(string code, string version, CancellationToken ct) =>
        db.Instruments.AnyAsync(i => i.Code == code && i.Version == version && i.IsActive, ct);

    /// <summary>Every version a set of scores was scored with, by code and version.</summary>
    public async Task<Dictionary<(string Code, string Version), InstrumentDefinition>> VersionsAsync(
        IEnumerable<(string Code, string Version)> keys, CancellationToken ct)
    {
        var wanted = keys.Distinct().ToList();
        var codes = wanted.Select(k => k.Code).Distinct().ToList();
        var records = await db.Instruments.AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct);
        return records
            .Where(r => wanted.Contains((r.Code, r.Version)))
            .ToDictionary(r => (r.Code, r.Version), r => cache.Parse(r.Code, r.Version, r.Definition));
    }

    public InstrumentDefinition Parse(InstrumentRecord record) => cache.Parse(record.Code, record.Version, record.Definition);

    /// <summary>Built-in instruments in catalogue order (clinician-rated first), loaded ones after them by code.</summary>
    public static int Order(string code)
    {
        for (var i = 0; i < InstrumentCatalogue.All.Count; i++)
        {
            if (string.Equals(InstrumentCatalogue.All[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return InstrumentCatalogue.All.Count;
    }
}
