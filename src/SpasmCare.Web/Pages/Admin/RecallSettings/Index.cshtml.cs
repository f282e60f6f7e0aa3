using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Admin.RecallSettings;

/// <summary>The recall-list settings (admins): how long without an HFS-7 or SMC score before a re-assessment is due.</summary>
public sealed class IndexModel(SpasmCareDbContext db, Features.Recall.RecallSettings.Handler handler) : PageModel
{
    [BindProperty] public Features.Recall.RecallSettings.Input Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) =>
        Input = Features.Recall.RecallSettings.Input.From(await Features.Recall.RecallSettings.LoadAsync(db, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await handler.HandleAsync(Input, ct);
        TempData["Status"] = "Recall settings saved.";
        return RedirectToPage();
    }
}
