using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Add or edit a practitioner, room or theatre.</summary>
public sealed class ResourceModel(SpasmCareDbContext db, SaveResource.Handler handler) : PageModel
{
    [BindProperty] public SaveResource.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<SaveResource.StaffOption> Staff { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];

    public string Title => (Id is null ? "Add a " : "Edit ") + Input.Kind.ToString().ToLowerInvariant();

    public async Task<IActionResult> OnGetAsync(Guid? id, ResourceKind? kind, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var resource = await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (resource is null)
            {
                return NotFound();
            }

            Input = SaveResource.Request.From(resource);
        }
        else if (kind is { } k && Enum.IsDefined(k))
        {
            Input = new SaveResource.Request { Kind = k, Role = k == ResourceKind.Practitioner ? PractitionerRole.Doctor : null };
        }
        else
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, ResourceKind? kind, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            // The kind of a new resource comes from the address (?kind=Room), as on the form that was shown.
            if (kind is not { } k || !Enum.IsDefined(k))
            {
                return NotFound();
            }

            Input.Kind = k;
        }
        else
        {
            var stored = await db.ScheduleResources.AsNoTracking().Where(r => r.Id == id).Select(r => (ResourceKind?)r.Kind).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                return NotFound();
            }

            Input.Kind = stored.Value;
        }

        // Validated again now that the kind is the real one (binding validated it with whatever the form said).
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var resource = await handler.HandleAsync(id, Input, ct);
        if (resource is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{resource.Name} saved.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Staff = await SaveResource.StaffAsync(db, ct);
        var current = Input.SiteId;
        Sites = await db.Sites.AsNoTracking().Where(s => s.IsActive || s.Id == current).OrderBy(s => s.Name).ToListAsync(ct);
        if (Input.Kind == ResourceKind.Theatre)
        {
            Sites = Sites.Where(s => (s.Kind == SiteKind.Hospital && s.HasOperatingTheatre) || s.Id == current).ToList();
        }
    }
}
