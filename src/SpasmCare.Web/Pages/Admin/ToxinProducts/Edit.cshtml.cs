using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Admin.ToxinProducts;

public sealed class EditModel(SpasmCareDbContext db, SaveToxinProduct.Handler handler) : PageModel
{
    [BindProperty] public SaveToxinProduct.Request Input { get; set; } = new();

    public string Name { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var product = await db.ToxinProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFound();
        }

        Name = product.Name;
        Input = SaveToxinProduct.Request.From(product);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var name = await db.ToxinProducts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return NotFound();
        }

        Name = name;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var product = await handler.HandleAsync(id, Input, ct);
        if (product is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{product.Name} saved.";
        return RedirectToPage("Index");
    }
}
