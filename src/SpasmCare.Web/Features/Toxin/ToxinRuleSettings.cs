using System.Globalization;
using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The clinic's dose-rule settings, kept in the Settings table under "Toxin:…" keys. A key that is missing or
/// unreadable falls back to <see cref="DoseRuleSettings.Default"/>, so a fresh install warns with the DOMAIN §3 defaults.
/// </summary>
public static class ToxinRuleSettings
{
    public const string PerSiteMaxUnits = "Toxin:PerSiteMaxUnits";
    public const string PerSessionMaxUnits = "Toxin:PerSessionMaxUnits";
    public const string CumulativeMax30DaysUnits = "Toxin:CumulativeMax30DaysUnits";
    public const string MinIntervalWeeks = "Toxin:MinIntervalWeeks";
    public const string BoosterFromWeeks = "Toxin:BoosterFromWeeks";
    public const string BoosterToWeeks = "Toxin:BoosterToWeeks";

    public static readonly IReadOnlyList<string> Keys =
        [PerSiteMaxUnits, PerSessionMaxUnits, CumulativeMax30DaysUnits, MinIntervalWeeks, BoosterFromWeeks, BoosterToWeeks];

    public static async Task<DoseRuleSettings> LoadAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var keys = Keys.ToList();
        var saved = await db.Settings.AsNoTracking()
            .Where(s => keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, ct);
        var d = DoseRuleSettings.Default;
        var settings = new DoseRuleSettings(
            Dec(saved, PerSiteMaxUnits, d.PerSiteMaxUnits),
            Dec(saved, PerSessionMaxUnits, d.PerSessionMaxUnits),
            Dec(saved, CumulativeMax30DaysUnits, d.CumulativeMax30DaysUnits),
            Int(saved, MinIntervalWeeks, d.MinIntervalWeeks),
            Int(saved, BoosterFromWeeks, d.BoosterFromWeeks),
            Int(saved, BoosterToWeeks, d.BoosterToWeeks));

        // Values edited outside the admin page that no longer make sense as a whole: use the defaults.
        return settings.Validate().Count == 0 ? settings : d;
    }

    /// <summary>Writes the settings to tracked rows; the caller saves them together with its audit row.</summary>
    public static async Task ApplyAsync(SpasmCareDbContext db, DoseRuleSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PerSiteMaxUnits] = settings.PerSiteMaxUnits.ToString(CultureInfo.InvariantCulture),
            [PerSessionMaxUnits] = settings.PerSessionMaxUnits.ToString(CultureInfo.InvariantCulture),
            [CumulativeMax30DaysUnits] = settings.CumulativeMax30DaysUnits.ToString(CultureInfo.InvariantCulture),
            [MinIntervalWeeks] = settings.MinIntervalWeeks.ToString(CultureInfo.InvariantCulture),
            [BoosterFromWeeks] = settings.BoosterFromWeeks.ToString(CultureInfo.InvariantCulture),
            [BoosterToWeeks] = settings.BoosterToWeeks.ToString(CultureInfo.InvariantCulture),
        };
        var keys = Keys.ToList();
        var rows = await db.Settings.Where(s => keys.Contains(s.Key)).ToListAsync(ct);
        foreach (var (key, value) in values)
        {
            if (rows.FirstOrDefault(r => r.Key == key) is { } row)
            {
                row.Value = value;
            }
            else
            {
                db.Settings.Add(new AppSetting { Key = key, Value = value });
            }
        }
    }

    /// <summary>A short line for the audit row: what the rules are now.</summary>
    public static string Describe(DoseRuleSettings s) => string.Create(CultureInfo.InvariantCulture,
        $"dose rules: site {s.PerSiteMaxUnits} U, session {s.PerSessionMaxUnits} U, 30 days {s.CumulativeMax30DaysUnits} U, interval {s.MinIntervalWeeks} wk, booster {s.BoosterFromWeeks}-{s.BoosterToWeeks} wk");

    private static decimal Dec(Dictionary<string, string> saved, string key, decimal fallback) =>
        saved.TryGetValue(key, out var raw) && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    private static int Int(Dictionary<string, string> saved, string key, int fallback) =>
        saved.TryGetValue(key, out var raw) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}
