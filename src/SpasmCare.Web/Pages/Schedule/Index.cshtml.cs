using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Schedule;

/// <summary>The day view: a site's day with a column per practitioner, or one practitioner's day across sites.</summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class IndexModel(CalendarViews.Query query, SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    : SchedulePageModel(query, db, audit, user, time)
{
    public List<CalendarViews.Block> Blocks { get; private set; } = [];

    [Audited(AuditAction.ScheduleDayViewed, "Schedule")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadFilterAsync(ct))
        {
            return NotFound();
        }

        if (Practitioner is not null)
        {
            Blocks = (await Views.PractitionerAsync(Practitioner, AllSites, Day, 1, ct))[0].Blocks;
        }
        else if (Site is not null)
        {
            Blocks = await Views.SiteAsync(Site, Day, 1, ct);
        }
        else
        {
            return Page();
        }

        await RecordViewAsync(AuditAction.ScheduleDayViewed, CalendarViews.Iso(Day), Blocks.Sum(b => b.AppointmentCount), ct);
        return Page();
    }
}
