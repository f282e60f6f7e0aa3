using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Admin.Doctors;

public sealed class EditModel(SpasmCareDbContext db, SaveDoctorProfile.Handler handler) : PageModel
{
    public sealed record SiteOption(Guid Id, string Name);

    [BindProperty] public SaveDoctorProfile.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<SiteOption> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        await LoadSitesAsync(ct);
        if (id is null)
        {
            return Page();
        }

        var doctor = await db.DoctorProfiles.AsNoTracking().Include(d => d.Sites).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doctor is null)
        {
            return NotFound();
        }

        Input = SaveDoctorProfile.Request.From(doctor);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        await LoadSitesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var doctor = await handler.HandleAsync(id, Input, ct);
        if (doctor is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{doctor.Name} saved.";
        return RedirectToPage("Index");
    }

    private async Task LoadSitesAsync(CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new SiteOption(s.Id, s.Name)).ToListAsync(ct);
}
