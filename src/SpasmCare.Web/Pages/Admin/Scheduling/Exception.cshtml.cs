using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Hosting;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Add leave (whole or part day, one site or all) or a one-off extra session for a practitioner.</summary>
public sealed class ExceptionModel(SpasmCareDbContext db, AvailabilityAdmin.AddException.Handler handler, ClinicTime clinic) : PageModel
{
    [BindProperty] public AvailabilityAdmin.AddException.Request Input { get; set; } = new();

    public string PractitionerName { get; private set; } = "";
    public List<Site> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid resourceId, CancellationToken ct)
    {
        if (!await LoadAsync(resourceId, ct))
        {
            return NotFound();
        }

        Input = new() { Date = clinic.Today };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid resourceId, CancellationToken ct)
    {
        if (!await LoadAsync(resourceId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await handler.HandleAsync(resourceId, Input, ct);
        TempData["Status"] = Input.Kind == AvailabilityExceptionKind.Leave ? "Leave added." : "Extra session added.";
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
        Sites = [.. await SiteList.ActiveAsync(db, ct)];
        return true;
    }
}
