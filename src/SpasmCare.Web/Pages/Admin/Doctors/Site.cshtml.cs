using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Admin.Doctors;

/// <summary>A site's opening hours and directions for the public site (name, address and phone are edited under Sites).</summary>
public sealed class SiteModel(SpasmCareDbContext db, SaveSiteProfile.Handler handler) : PageModel
{
    [BindProperty] public SaveSiteProfile.Request Input { get; set; } = new();

    public string SiteName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid siteId, CancellationToken ct)
    {
        if (!await LoadAsync(siteId, ct))
        {
            return NotFound();
        }

        var profile = await db.SiteProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.SiteId == siteId, ct);
        if (profile is not null)
        {
            Input = new SaveSiteProfile.Request { OpeningHours = profile.OpeningHours, Directions = profile.Directions, Version = profile.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid siteId, CancellationToken ct)
    {
        if (!await LoadAsync(siteId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await handler.HandleAsync(siteId, Input, ct))
        {
            return NotFound();
        }

        TempData["Status"] = $"{SiteName}: hours and directions saved.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid siteId, CancellationToken ct)
    {
        SiteName = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";
        return SiteName.Length > 0;
    }
}
