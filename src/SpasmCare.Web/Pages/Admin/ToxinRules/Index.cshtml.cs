using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Admin.ToxinRules;

/// <summary>The clinic's dose-rule thresholds: the warnings charting a toxin session raises.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(SpasmCareDbContext db, AuditLog audit) : PageModel
{
    public sealed class RulesInput
    {
        [Required(ErrorMessage = "Enter the per-site maximum.")]
        [Range(typeof(decimal), "0.1", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
            ErrorMessage = "Enter a per-site maximum from {1} to {2} units.")]
        [Display(Name = "Per-site maximum (U)")]
        public decimal? PerSiteMaxUnits { get; set; }

        [Required(ErrorMessage = "Enter the per-session maximum.")]
        [Range(typeof(decimal), "1", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
            ErrorMessage = "Enter a per-session maximum from {1} to {2} units.")]
        [Display(Name = "Per-session maximum (U)")]
        public decimal? PerSessionMaxUnits { get; set; }

        [Required(ErrorMessage = "Enter the 30-day maximum.")]
        [Range(typeof(decimal), "1", "2000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
            ErrorMessage = "Enter a 30-day maximum from {1} to {2} units.")]
        [Display(Name = "Cumulative maximum in 30 days (U)")]
        public decimal? CumulativeMax30DaysUnits { get; set; }

        [Required(ErrorMessage = "Enter the minimum interval.")]
        [Range(1, 52, ErrorMessage = "Enter a minimum interval from {1} to {2} weeks.")]
        [Display(Name = "Minimum interval between sessions (weeks)")]
        public int? MinIntervalWeeks { get; set; }

        [Required(ErrorMessage = "Enter when the booster window starts.")]
        [Range(1, 52, ErrorMessage = "Enter a start from {1} to {2} weeks.")]
        [Display(Name = "Booster window from (weeks after a full session)")]
        public int? BoosterFromWeeks { get; set; }

        [Required(ErrorMessage = "Enter when the booster window ends.")]
        [Range(1, 52, ErrorMessage = "Enter an end from {1} to {2} weeks.")]
        [Display(Name = "Booster window to (weeks, inclusive)")]
        public int? BoosterToWeeks { get; set; }

        public static RulesInput From(DoseRuleSettings s) => new()
        {
            PerSiteMaxUnits = s.PerSiteMaxUnits,
            PerSessionMaxUnits = s.PerSessionMaxUnits,
            CumulativeMax30DaysUnits = s.CumulativeMax30DaysUnits,
            MinIntervalWeeks = s.MinIntervalWeeks,
            BoosterFromWeeks = s.BoosterFromWeeks,
            BoosterToWeeks = s.BoosterToWeeks,
        };

        public DoseRuleSettings ToSettings() => new(PerSiteMaxUnits!.Value, PerSessionMaxUnits!.Value, CumulativeMax30DaysUnits!.Value,
            MinIntervalWeeks!.Value, BoosterFromWeeks!.Value, BoosterToWeeks!.Value);
    }

    [BindProperty] public RulesInput Input { get; set; } = new();

    public DoseRuleSettings Defaults => DoseRuleSettings.Default;

    public async Task OnGetAsync(CancellationToken ct) =>
        Input = RulesInput.From(await ToxinRuleSettings.LoadAsync(db, ct));

    public async Task<IActionResult> OnPostAsync(string? reset, CancellationToken ct)
    {
        if (reset == "defaults")
        {
            ModelState.Clear();
            Input = RulesInput.From(DoseRuleSettings.Default);
        }
        else if (!ModelState.IsValid)
        {
            return Page();
        }

        var settings = Input.ToSettings();
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input." + error.Field, error.Message);
            }

            return Page();
        }

        await ToxinRuleSettings.ApplyAsync(db, settings, ct);
        audit.Record(AuditAction.SettingsChanged, "Setting", "Toxin:DoseRules", detail: ToxinRuleSettings.Describe(settings));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = reset == "defaults" ? "Dose rules reset to the defaults." : "Dose rules saved. They apply to sessions saved from now on.";
        return RedirectToPage();
    }

    public static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
