using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Admin.ToxinProducts;

public sealed class IndexModel(SpasmCareDbContext db) : PageModel
{
    public IReadOnlyList<ToxinProduct> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Products = await db.ToxinProducts.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
}
