using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Schedule;

/// <summary>The week view (Monday to Sunday): a site's week by practitioner, or one practitioner's week by site.</summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class WeekModel(CalendarViews.Query query, SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    : SchedulePageModel(query, db, audit, user, time)
{
    /// <summary>A row of the week: a practitioner (site view) or a site (practitioner view), with a cell per day.</summary>
    public sealed record WeekRow(string Label, List<(DateOnly Date, CalendarViews.Column? Column, CalendarViews.Block Block)> Days);

    public DateOnly Monday { get; private set; }
    public List<DateOnly> Dates { get; private set; } = [];
    public List<WeekRow> Rows { get; private set; } = [];
    public Dictionary<DateOnly, string> Holidays { get; private set; } = [];

    [Audited(AuditAction.ScheduleWeekViewed, "Schedule")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadFilterAsync(ct))
        {
            return NotFound();
        }

        Monday = CalendarViews.WeekStart(Day);
        Dates = Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();
        List<CalendarViews.Block> blocks;
        if (Practitioner is not null)
        {
            blocks = (await Views.PractitionerAsync(Practitioner, AllSites, Monday, 7, ct)).SelectMany(d => d.Blocks).ToList();
            Rows = blocks.GroupBy(b => b.Site.Id).Select(g => new WeekRow(g.First().Site.Name,
                Dates.Select(d => (d, g.FirstOrDefault(b => b.Date == d)?.Columns.FirstOrDefault(), g.FirstOrDefault(b => b.Date == d) ?? g.First())).ToList())).ToList();
        }
        else if (Site is not null)
        {
            blocks = await Views.SiteAsync(Site, Monday, 7, ct);
            Rows = blocks.SelectMany(b => b.Columns).Select(c => (c.PractitionerId, c.Name)).Distinct().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new WeekRow(p.Name, blocks.Select(b => (b.Date, b.Columns.FirstOrDefault(c => c.PractitionerId == p.PractitionerId), b)).ToList()))
                .ToList();
        }
        else
        {
            return Page();
        }

        Holidays = blocks.Where(b => b.Holiday is not null).GroupBy(b => b.Date).ToDictionary(g => g.Key, g => g.First().Holiday!);
        await RecordViewAsync(AuditAction.ScheduleWeekViewed, "week of " + CalendarViews.Iso(Monday), blocks.Sum(b => b.AppointmentCount), ct);
        return Page();
    }
}
