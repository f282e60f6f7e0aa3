namespace SpasmCare.Web.Features.Workup;

/// <summary>One field as it is saved now and as the editor has it.</summary>
public sealed record FieldDifference(string Label, string Saved, string Yours);

/// <summary>
/// Someone else saved the record after the editor opened it. Nothing of the editor's was saved; the page shows
/// the differences and keeps the editor's values in the form, now against <see cref="CurrentVersion"/>, so saving
/// again is a deliberate choice.
/// </summary>
public sealed record EditConflict(Guid CurrentVersion, string ChangedBy, DateTime ChangedAtUtc, IReadOnlyList<FieldDifference> Differences)
{
    public static async Task<EditConflict> ExplainAsync(SpasmCareDbContext db, IVersioned current,
        IReadOnlyList<KeyValuePair<string, string>> saved, IReadOnlyList<KeyValuePair<string, string>> yours, CancellationToken ct)
    {
        var mine = yours.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var differences = saved
            .Where(f => mine.TryGetValue(f.Key, out var value) && !string.Equals(value, f.Value, StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.Key, f.Value, mine[f.Key]))
            .ToList();
        var name = current.UpdatedBy is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        return new EditConflict(current.Version, string.IsNullOrWhiteSpace(name) ? "Another user" : name, current.UpdatedAtUtc, differences);
    }
}
