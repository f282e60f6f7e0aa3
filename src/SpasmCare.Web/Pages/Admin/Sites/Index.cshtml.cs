using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Sites;

public sealed class IndexModel(SpasmCareDbContext db) : PageModel
{
    public List<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ToListAsync(ct);
}
