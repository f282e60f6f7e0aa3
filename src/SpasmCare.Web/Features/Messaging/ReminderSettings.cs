using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// How long before an appointment its reminders go out, kept in the Settings table as <c>Reminders:LeadTimes</c>
/// ("2d,3h"). Admins type them as "2 days, 3 hours"; the default is 2 days and 3 hours before.
/// </summary>
public static partial class ReminderSettings
{
    public const string LeadTimesKey = "Reminders:LeadTimes";
    public const int MaxLeadTimes = 5;
    public static readonly TimeSpan MinLead = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(30);

    public static IReadOnlyList<TimeSpan> DefaultLeadTimes { get; } = [TimeSpan.FromDays(2), TimeSpan.FromHours(3)];

    /// <summary>The stored lead times, longest first (empty: no reminders); a missing or unreadable value gives the default.</summary>
    public static async Task<IReadOnlyList<TimeSpan>> LoadAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == LeadTimesKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return stored is not null && Parse(stored, out var leads) is null ? leads : DefaultLeadTimes;
    }

    /// <summary>
    /// Reads "2 days, 3 hours", "2d 3h", "1 day and 30 minutes" (each a whole number and a unit: days, hours or
    /// minutes). Returns null and the lead times (distinct, longest first) when the text is fine, or the problem.
    /// An empty text means no reminders.
    /// </summary>
    public static string? Parse(string? text, out List<TimeSpan> leads)
    {
        leads = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var matches = LeadRegex().Matches(text);
        var rest = SeparatorRegex().Replace(LeadRegex().Replace(text, " "), " ").Trim();
        if (matches.Count == 0 || rest.Length > 0)
        {
            return $"\"{(rest.Length > 0 ? rest : text.Trim())}\" is not a lead time: write numbers with days, hours or minutes, such as \"2 days, 3 hours\".";
        }

        foreach (Match match in matches)
        {
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var lead = char.ToLowerInvariant(match.Groups[2].Value[0]) switch
            {
                'd' => TimeSpan.FromDays(number),
                'h' => TimeSpan.FromHours(number),
                _ => TimeSpan.FromMinutes(number),
            };
            if (lead < MinLead || lead > MaxLead)
            {
                return $"\"{match.Value.Trim()}\" is out of range: each lead time must be between 15 minutes and 30 days.";
            }

            if (!leads.Contains(lead))
            {
                leads.Add(lead);
            }
        }

        if (leads.Count > MaxLeadTimes)
        {
            leads = [];
            return $"At most {MaxLeadTimes} lead times.";
        }

        leads.Sort((a, b) => b.CompareTo(a));
        return null;
    }

    /// <summary>The stored form: "2d,3h,30m".</summary>
    public static string Store(IEnumerable<TimeSpan> leads) => string.Join(",", leads.Select(l =>
        l.TotalDays == Math.Floor(l.TotalDays) ? $"{(int)l.TotalDays}d"
        : l.TotalHours == Math.Floor(l.TotalHours) ? $"{(int)l.TotalHours}h"
        : $"{(int)l.TotalMinutes}m"));

    /// <summary>For people: "2 days, 3 hours".</summary>
    public static string Show(IEnumerable<TimeSpan> leads)
    {
        var text = new StringBuilder();
        foreach (var l in leads)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            var (n, unit) = l.TotalDays == Math.Floor(l.TotalDays) ? ((int)l.TotalDays, "day")
                : l.TotalHours == Math.Floor(l.TotalHours) ? ((int)l.TotalHours, "hour")
                : ((int)l.TotalMinutes, "minute");
            text.Append(n.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit).Append(n == 1 ? "" : "s");
        }

        return text.ToString();
    }

    /// <summary>Saves new lead times (audited, in the same transaction). Reminders already written keep their times.</summary>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        /// <summary>Returns the problem with the text, or null when saved.</summary>
        public async Task<string?> HandleAsync(string? text, CancellationToken ct)
        {
            if (Parse(text, out var leads) is { } problem)
            {
                return problem;
            }

            var value = Store(leads);
            var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == LeadTimesKey, ct);
            if (setting is null)
            {
                db.Settings.Add(new AppSetting { Key = LeadTimesKey, Value = value });
            }
            else
            {
                setting.Value = value;
            }

            audit.Record(AuditAction.ReminderSettingsChanged, "Setting", LeadTimesKey, detail: "reminder lead times: " + (value.Length == 0 ? "none" : value));
            await db.SaveChangesAsync(ct);
            return null;
        }
    }

    [GeneratedRegex(@"[,;]|\band\b|\bbefore\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"(\d{1,4})\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadRegex();
}
