using System.Globalization;

namespace SpasmCare.Web.Features.Recall;

/// <summary>
/// The recall list's settings, kept in the Settings table: how long after the last HFS-7 or SMC score a patient in
/// care is due for a scale re-assessment (<c>Recall:ReassessmentMonths</c>, 6 months unless an admin changes it).
/// </summary>
public sealed record RecallSettings(int ReassessmentMonths)
{
    public const string ReassessmentMonthsKey = "Recall:ReassessmentMonths";
    public const int DefaultReassessmentMonths = 6;
    public const int MinReassessmentMonths = 1;
    public const int MaxReassessmentMonths = 36;

    public static RecallSettings Default { get; } = new(DefaultReassessmentMonths);

    /// <summary>The stored settings; a missing, unreadable or out-of-range value takes its default.</summary>
    public static async Task<RecallSettings> LoadAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var raw = await db.Settings.AsNoTracking().Where(s => s.Key == ReassessmentMonthsKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return new RecallSettings(ParseMonths(raw));
    }

    public static int ParseMonths(string? raw) =>
        int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var months)
        && months is >= MinReassessmentMonths and <= MaxReassessmentMonths
            ? months
            : DefaultReassessmentMonths;

    /// <summary>The admin form.</summary>
    public sealed class Input
    {
        [Required(ErrorMessage = "Enter the re-assessment interval in months.")]
        [Range(MinReassessmentMonths, MaxReassessmentMonths, ErrorMessage = "Enter an interval from {1} to {2} months.")]
        [Display(Name = "Months without an HFS-7 or SMC score before a re-assessment is due")]
        public int? ReassessmentMonths { get; set; }

        public static Input From(RecallSettings s) => new() { ReassessmentMonths = s.ReassessmentMonths };
    }

    /// <summary>Saves the admin form (audited as a settings change, in the same transaction).</summary>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task HandleAsync(Input input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var months = input.ReassessmentMonths!.Value.ToString(CultureInfo.InvariantCulture);
            var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == ReassessmentMonthsKey, ct);
            if (setting is null)
            {
                db.Settings.Add(new AppSetting { Key = ReassessmentMonthsKey, Value = months });
            }
            else
            {
                setting.Value = months;
            }

            audit.Record(AuditAction.SettingsChanged, "Setting", "Recall", detail: $"recall: re-assessment after {months} months");
            await db.SaveChangesAsync(ct);
        }
    }
}
