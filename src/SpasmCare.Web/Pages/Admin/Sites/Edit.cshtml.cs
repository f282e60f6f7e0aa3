using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Sites;

public sealed class EditModel(SpasmCareDbContext db, SaveSite.Handler handler) : PageModel
{
    [BindProperty] public SaveSite.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public IEnumerable<string> TimeZones => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            return Page();
        }

        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return NotFound();
        }

        Input = SaveSite.Request.From(site);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var site = await handler.HandleAsync(id, Input, ct);
        if (site is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{site.Name} saved.";
        return RedirectToPage("Index");
    }
}
