using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class ReceiveModel(SpasmCareDbContext db, ReceiveVials.Handler handler, ICurrentUser user) : PageModel
{
    [BindProperty] public ReceiveVials.Request Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<ToxinProduct> Products { get; private set; } = [];

    [NotAudited("Receiving form: products and sites, no patient data.")]
    public async Task OnGetAsync(Guid? siteId, Guid? productId, CancellationToken ct)
    {
        await LoadAsync(ct);
        var site = await StockOverview.ChooseSiteAsync(db, siteId, user.UserId, ct);
        Input = new ReceiveVials.Request
        {
            SiteId = Sites.Any(s => s.Id == site?.Id) ? site!.Id : null,
            ProductId = productId ?? (Products.Count == 1 ? Products[0].Id : null),
        };
        if (Products.FirstOrDefault(p => p.Id == Input.ProductId) is { } product
            && SaveToxinProduct.ParseSizes(product.VialSizes) is { Count: 1 } only)
        {
            Input.UnitsPerVial = only[0];
        }
    }

    [Audited(AuditAction.ToxinVialReceived, "ToxinVial")]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var vials = await handler.HandleAsync(Input, ct);   // rule errors come back as form errors
        var product = Products.First(p => p.Id == Input.ProductId);
        TempData["Status"] = $"{StockOverview.Vials(vials.Count)} of {product.Name}, lot {vials[0].LotNumber}, received.";
        return RedirectToPage("Index", new { siteId = Input.SiteId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        Products = await db.ToxinProducts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).ToListAsync(ct);
    }
}
