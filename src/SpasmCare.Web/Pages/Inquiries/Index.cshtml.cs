using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Inquiries;

/// <summary>The inquiry inbox (front desk and doctors). Every inquiry listed is audited as read.</summary>
public sealed class IndexModel(ListInquiries.Query query, ClinicTime clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public ListInquiries.Filter Filter { get; set; } = new();

    public ListInquiries.Result Result { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public ClinicTime Clock => clock;

    [Audited(AuditAction.InquiryListed, "Inquiry")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // Unknown filter values (a hand-edited address) fall back to the defaults rather than an error.
            ModelState.Clear();
            Filter = new ListInquiries.Filter();
        }

        Sites = await query.SitesAsync(ct);
        Result = await query.RunAsync(Filter, ct);
        return Page();
    }

    /// <summary>The address of another page of the same list.</summary>
    public string PageLink(int page) => Url.Page("Index", new RouteValueDictionary
    {
        ["Filter.Status"] = Filter.Status,
        ["Filter.Site"] = Filter.Site,
        ["Filter.Age"] = Filter.Age,
        ["Filter.Assigned"] = Filter.Assigned,
        ["Filter.Overdue"] = Filter.Overdue ? "true" : null,
        ["Filter.Page"] = page,
    }) ?? "";
}
