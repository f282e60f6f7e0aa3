using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>A practitioner's weekly sessions and the exceptions to them (leave, extra sessions).</summary>
public sealed class AvailabilityModel(SpasmCareDbContext db, AvailabilityAdmin.DeleteException deleteException, ClinicTime clinic) : PageModel
{
    public sealed record SessionRow(WeeklyAvailability Session, string Site);

    public sealed record ExceptionRow(AvailabilityException Exception, string? Site);

    public ScheduleResource Practitioner { get; private set; } = null!;
    public List<SessionRow> Sessions { get; private set; } = [];
    public List<ExceptionRow> Exceptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var practitioner = await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Kind == ResourceKind.Practitioner, ct);
        if (practitioner is null)
        {
            return NotFound();
        }

        Practitioner = practitioner;
        Sessions = (await (from a in db.WeeklyAvailabilities.AsNoTracking()
                           join s in db.Sites on a.SiteId equals s.Id
                           where a.ResourceId == id
                           select new SessionRow(a, s.Name)).ToListAsync(ct))
            .OrderBy(r => ((int)r.Session.Day + 6) % 7).ThenBy(r => r.Session.StartTime).ThenBy(r => r.Session.ValidFrom).ToList();
        var since = clinic.Today.AddDays(-30);
        Exceptions = await (from e in db.AvailabilityExceptions.AsNoTracking()
                            join s in db.Sites on e.SiteId equals s.Id into site
                            from s in site.DefaultIfEmpty()
                            where e.ResourceId == id && e.Date >= since
                            orderby e.Date, e.StartTime
                            select new ExceptionRow(e, s == null ? null : s.Name)).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteExceptionAsync(Guid id, Guid exceptionId, CancellationToken ct)
    {
        if (!await deleteException.HandleAsync(id, exceptionId, ct))
        {
            return NotFound();
        }

        TempData["Status"] = "Exception removed.";
        return RedirectToPage(new { id });
    }
}
