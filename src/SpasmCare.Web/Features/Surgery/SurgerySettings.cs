using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The clinic's surgery settings, kept in the Settings table: the target length of stay (DOMAIN §4.2 asks not to
/// hard-code one) and the delayed-cure window before an operation may be called failed (DOMAIN §4.4: 6–12 months).
/// </summary>
public sealed record SurgerySettings(int LengthOfStayTargetDays, int FailureWindowMonths)
{
    public const string LengthOfStayTargetKey = MvdCaseRules.LengthOfStayTargetKey;
    public const string FailureWindowKey = "Surgery:FailureWindowMonths";

    public static SurgerySettings Default { get; } = new(LengthOfStay.DefaultTargetDays, DelayedCure.DefaultWindowMonths);

    /// <summary>The stored settings; a missing or unreadable value takes its default.</summary>
    public static async Task<SurgerySettings> LoadAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking()
            .Where(s => s.Key == LengthOfStayTargetKey || s.Key == FailureWindowKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new SurgerySettings(
            LengthOfStay.ParseTarget(stored.GetValueOrDefault(LengthOfStayTargetKey)),
            DelayedCure.ParseWindow(stored.GetValueOrDefault(FailureWindowKey)));
    }

    /// <summary>The admin form.</summary>
    public sealed class Input
    {
        [Required(ErrorMessage = "Enter the target length of stay in days.")]
        [Range(1, 30, ErrorMessage = "Enter a target length of stay from {1} to {2} days.")]
        [Display(Name = "Target length of stay (days)")]
        public int? LengthOfStayTargetDays { get; set; }

        [Required(ErrorMessage = "Choose the delayed-cure window.")]
        [Range(DelayedCure.MinWindowMonths, DelayedCure.MaxWindowMonths, ErrorMessage = "Choose a window from {1} to {2} months.")]
        [Display(Name = "Months before an operation may be called failed")]
        public int? FailureWindowMonths { get; set; }

        public static Input From(SurgerySettings s) =>
            new() { LengthOfStayTargetDays = s.LengthOfStayTargetDays, FailureWindowMonths = s.FailureWindowMonths };
    }

    /// <summary>Saves the admin form (audited as a settings change, in the same transaction).</summary>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task HandleAsync(Input input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var los = input.LengthOfStayTargetDays!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var window = input.FailureWindowMonths!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await SetAsync(LengthOfStayTargetKey, los, ct);
            await SetAsync(FailureWindowKey, window, ct);
            audit.Record(AuditAction.SettingsChanged, "Setting", "Surgery",
                detail: $"surgery: length-of-stay target {los} days, failure window {window} months");
            await db.SaveChangesAsync(ct);
        }

        private async Task SetAsync(string key, string value, CancellationToken ct)
        {
            var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
            if (setting is null)
            {
                db.Settings.Add(new AppSetting { Key = key, Value = value });
            }
            else
            {
                setting.Value = value;
            }
        }
    }
}
