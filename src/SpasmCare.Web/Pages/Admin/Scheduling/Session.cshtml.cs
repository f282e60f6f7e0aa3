using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Hosting;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Add or edit one weekly session of a practitioner.</summary>
public sealed class SessionModel(SpasmCareDbContext db, AvailabilityAdmin.SaveSession.Handler handler, ClinicTime clinic) : PageModel
{
    [BindProperty] public AvailabilityAdmin.SaveSession.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public string PractitionerName { get; private set; } = "";
    public List<Site> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid resourceId, Guid? id, CancellationToken ct)
    {
        Id = id;
        if (!await LoadAsync(resourceId, ct))
        {
            return NotFound();
        }

        if (id is not null)
        {
            var session = await db.WeeklyAvailabilities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ResourceId == resourceId, ct);
            if (session is null)
            {
                return NotFound();
            }

            Input = AvailabilityAdmin.SaveSession.Request.From(session);
            await LoadAsync(resourceId, ct);
        }
        else
        {
            Input = new() { ValidFrom = clinic.Today, StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(13, 0) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid resourceId, Guid? id, CancellationToken ct)
    {
        Id = id;
        if (!await LoadAsync(resourceId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(resourceId, id, Input, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Session saved.";
        return RedirectToPage("Availability", new { id = resourceId });
    }

    private async Task<bool> LoadAsync(Guid resourceId, CancellationToken ct)
    {
        var name = await db.ScheduleResources.AsNoTracking().Where(r => r.Id == resourceId && r.Kind == ResourceKind.Practitioner)
            .Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return false;
        }

        PractitionerName = name;
        var current = Input.SiteId;
        Sites = await db.Sites.AsNoTracking().Where(s => s.IsActive || s.Id == current).OrderBy(s => s.Name).ToListAsync(ct);
        return true;
    }
}
