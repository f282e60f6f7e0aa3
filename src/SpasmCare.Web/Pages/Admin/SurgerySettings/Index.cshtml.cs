using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Admin.SurgerySettings;

/// <summary>The surgery settings (admins): length-of-stay target and the delayed-cure window.</summary>
public sealed class IndexModel(SpasmCareDbContext db, Features.Surgery.SurgerySettings.Handler handler) : PageModel
{
    [BindProperty] public Features.Surgery.SurgerySettings.Input Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) =>
        Input = Features.Surgery.SurgerySettings.Input.From(await Features.Surgery.SurgerySettings.LoadAsync(db, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await handler.HandleAsync(Input, ct);
        TempData["Status"] = "Surgery settings saved.";
        return RedirectToPage();
    }
}
