using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Schedule;

/// <summary>The printable day list: a site's day by practitioner, or one practitioner's day (the doctor's list).</summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class PrintModel(CalendarViews.Query query, SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    : SchedulePageModel(query, db, audit, user, time)
{
    public List<CalendarViews.Block> Blocks { get; private set; } = [];

    [Audited(AuditAction.ScheduleDayListPrinted, "Schedule")]
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
            return NotFound();
        }

        await RecordViewAsync(AuditAction.ScheduleDayListPrinted, CalendarViews.Iso(Day), Blocks.Sum(b => b.AppointmentCount), ct);
        return Page();
    }
}
