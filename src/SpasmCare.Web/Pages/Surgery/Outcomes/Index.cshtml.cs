using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Outcomes;

/// <summary>
/// The clinic's MVD outcome report (doctors): aggregates for a period, hospital and surgeon beside the published
/// figures, with the length-of-stay histogram and the spasm-free survival curve. No patient is named. Viewing and
/// exporting are audited with the filters used.
/// </summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class IndexModel(MvdOutcomes.Query query, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)] public MvdOutcomes.Filter Filter { get; set; } = new();

    public MvdOutcomes.Report Report { get; private set; } = null!;

    public bool FiltersApplied { get; private set; } = true;

    [Audited(AuditAction.MvdOutcomesViewed, "MvdOutcomes")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Filters that do not make sense (a period that ends before it starts, a mangled date) are shown beside their
        // fields and the report covers every case, saying so.
        FiltersApplied = ModelState.IsValid;
        Report = await query.RunAsync(FiltersApplied ? Filter : new MvdOutcomes.Filter(), ct);
        audit.Record(AuditAction.MvdOutcomesViewed, "MvdOutcomes", null, detail: Describe(Report));
        await db.SaveChangesAsync(ct);
        return Page();
    }

    [Audited(AuditAction.MvdOutcomesExported, "MvdOutcomes")]
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var report = await query.RunAsync(Filter, ct);
        audit.Record(AuditAction.MvdOutcomesExported, "MvdOutcomes", null, detail: Describe(report));
        await db.SaveChangesAsync(ct);
        var csv = MvdOutcomesCsv.Write(report);
        var name = $"mvd-outcomes-{report.RunOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
    }

    /// <summary>The query string of the current filters, for the CSV link.</summary>
    public Dictionary<string, string> FilterRoute()
    {
        var route = new Dictionary<string, string>();
        if (Report.Filter.From is { } f)
        {
            route["from"] = f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Report.Filter.To is { } t)
        {
            route["to"] = t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Report.Filter.Site is { } s)
        {
            route["site"] = s.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Report.Filter.Surgeon))
        {
            route["surgeon"] = Report.Filter.Surgeon;
        }

        return route;
    }

    public string StayChartJson() => JsonSerializer.Serialize(new
    {
        labels = Report.Stay.Histogram.Select(b => b.Label),
        counts = Report.Stay.Histogram.Select(b => b.Count),
        target = Report.Stay.TargetDays,
    }, Json);

    public string SurvivalChartJson() => JsonSerializer.Serialize(new
    {
        steps = Report.Survival.Steps.Select(s => new { day = s.Time, survival = s.Survival, lower = s.Lower, upper = s.Upper, atRisk = s.AtRisk, events = s.Events }),
    }, Json);

    private static string Describe(MvdOutcomes.Report r) =>
        $"from {r.Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"} to {r.Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"}; "
        + $"site {r.Filter.Site?.ToString() ?? "all"}; surgeon {(string.IsNullOrWhiteSpace(r.Filter.Surgeon) ? "all" : r.Filter.Surgeon)}; {r.Cases} cases";
}
