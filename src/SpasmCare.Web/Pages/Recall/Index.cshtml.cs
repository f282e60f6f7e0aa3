using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Recall;

/// <summary>
/// The recall list the front desk works from: everyone due or overdue for a re-injection, a post-operative follow-up,
/// a scale re-assessment or a missed appointment, most overdue first. The site ("all", "mine" or one site's id) and
/// the reason stay in the query string and in every link of the page. No clinical detail beyond the reason.
/// </summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class IndexModel(RecallList.Query query, SpasmCareDbContext db, ICurrentUser user) : PageModel
{
    public const string Mine = "mine";

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    /// <summary>The signed-in person's sites (empty when none are assigned: then "my sites" is every site).</summary>
    public IReadOnlyCollection<Guid> MySites { get; private set; } = [];

    /// <summary>The site filter as it stays in the query string: "" (all), "mine", or a site id.</summary>
    public string SiteValue { get; private set; } = "";

    public RecallReason? Reason { get; private set; }
    public RecallList.Result Result { get; private set; } = null!;

    [Audited(AuditAction.RecallListViewed)]
    public async Task OnGetAsync(string? site, RecallReason? reason, int? p, CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        MySites = await RecallList.MySitesAsync(db, user.UserId, ct) ?? [];
        IReadOnlyCollection<Guid>? filter = null;
        if (string.Equals(site, Mine, StringComparison.OrdinalIgnoreCase))
        {
            SiteValue = Mine;
            filter = MySites.Count == 0 ? null : MySites;
        }
        else if (Guid.TryParse(site, out var id) && Sites.Any(s => s.Id == id))
        {
            SiteValue = id.ToString();
            filter = [id];
        }

        Reason = reason is { } r && Enum.IsDefined(r) ? r : null;
        Result = await query.HandleAsync(filter, Reason, p ?? 1, ct);
    }

    /// <summary>The query string of this list for another reason or page, keeping the site.</summary>
    public Dictionary<string, string?> Route(RecallReason? reason, int? page = null) => new()
    {
        ["site"] = SiteValue.Length == 0 ? null : SiteValue,
        ["reason"] = reason?.ToString(),
        ["p"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    };

    /// <summary>The link to work one patient's items, carrying the list's filters so that "back" returns to them.</summary>
    public string WorkUrl(Guid patientId)
    {
        var url = "/Recall/Patient/" + patientId;
        var query = new List<string>();
        if (SiteValue.Length > 0)
        {
            query.Add("site=" + Uri.EscapeDataString(SiteValue));
        }

        if (Reason is { } reason)
        {
            query.Add("reason=" + reason);
        }

        return query.Count == 0 ? url : url + "?" + string.Join("&", query);
    }
}
