using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Admin.ToxinProducts;

public sealed class NewModel(SaveToxinProduct.Handler handler) : PageModel
{
    [BindProperty] public SaveToxinProduct.Request Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var product = await handler.HandleAsync(null, Input, ct);
        TempData["Status"] = $"{product!.Name} added.";
        return RedirectToPage("Index");
    }
}
