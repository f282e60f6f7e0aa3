using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Due;

/// <summary>
/// The recall list: patients due or overdue for their next toxin session, for the front desk to call and book. Staff
/// policy, so it shows nothing clinical — no product, dose or response. The site and window stay in the query string.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ToxinRecallList.Query query, SpasmCareDbContext db) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public Guid? SiteId { get; private set; }
    public RecallWindow Window { get; private set; }
    public ToxinRecallList.Result Result { get; private set; } = null!;

    [Audited(AuditAction.ToxinRecallListViewed)]
    public async Task OnGetAsync(Guid? site, RecallWindow? window, int? p, CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        SiteId = site is { } s && Sites.Any(x => x.Id == s) ? s : null;
        Window = window is { } w && Enum.IsDefined(w) ? w : RecallWindow.Due;
        Result = await query.HandleAsync(SiteId, Window, p ?? 1, ct);
    }

    /// <summary>The query string of this list at another page or window, keeping the site ("p": "page" is the page's own route value).</summary>
    public Dictionary<string, string?> Route(RecallWindow? window = null, int? page = null) => new()
    {
        ["site"] = SiteId?.ToString(),
        ["window"] = (window ?? Window).ToString(),
        ["p"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };
}
