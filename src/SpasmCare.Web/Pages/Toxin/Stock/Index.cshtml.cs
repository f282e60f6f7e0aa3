using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class IndexModel(SpasmCareDbContext db, StockOverview.Query query, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? SiteId { get; set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public StockOverview.View? View { get; private set; }

    [NotAudited("Stock levels, lots and alerts per site: no patient data.")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        var site = await StockOverview.ChooseSiteAsync(db, SiteId, user.UserId, ct);
        if (site is null)
        {
            return SiteId is null ? Page() : NotFound();
        }

        SiteId = site.Id;
        View = await query.HandleAsync(site.Id, ct);
        return Page();
    }
}
