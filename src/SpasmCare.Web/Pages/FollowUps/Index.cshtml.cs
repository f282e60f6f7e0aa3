using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.FollowUps;

/// <summary>
/// The follow-up worklist of doctors and nurses: open tasks of every kind (toxin onset checks and peak reviews, MVD
/// follow-ups) by site and due window, each linking to the page that completes it.
/// </summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class IndexModel(FollowUpList.Query query, SpasmCareDbContext db) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public Guid? SiteId { get; private set; }
    public FollowUpWindow Window { get; private set; }
    public FollowUpList.Result Result { get; private set; } = null!;

    [Audited(AuditAction.FollowUpListViewed)]
    public async Task OnGetAsync(Guid? site, FollowUpWindow? window, int? p, CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        SiteId = site is { } s && Sites.Any(x => x.Id == s) ? s : null;
        Window = window is { } w && Enum.IsDefined(w) ? w : FollowUpWindow.Due;
        Result = await query.HandleAsync(SiteId, Window, p ?? 1, ct);
    }

    /// <summary>The query string of this list at another page or window, keeping the site ("p": "page" is the page's own route value).</summary>
    public Dictionary<string, string?> Route(FollowUpWindow? window = null, int? page = null) => new()
    {
        ["site"] = SiteId?.ToString(),
        ["window"] = (window ?? Window).ToString(),
        ["p"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };

    /// <summary>Where the cancel page returns to: this list as it is now.</summary>
    public string ReturnUrl => Url.Page("/FollowUps/Index", Route(page: Result.Page)) ?? "/FollowUps";
}
