using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class DiscardModel(VialDetails.Query query, DiscardVial.Handler handler) : PageModel
{
    [BindProperty] public DiscardVial.Request Input { get; set; } = new();

    public VialDetails.View View { get; private set; } = null!;

    [NotAudited("Discard form for one vial: no patient data.")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.HandleAsync(id, withLedger: false, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Input = new DiscardVial.Request { Version = view.Vial.Version, Reason = SuggestedReason(view) };
        return Page();
    }

    [Audited(AuditAction.ToxinVialDiscarded, "ToxinVial")]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await query.HandleAsync(id, withLedger: false, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var vial = await handler.HandleAsync(id, Input, ct);   // rule errors come back as form errors
        if (vial is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Vial discarded.";
        return RedirectToPage("Index", new { siteId = vial.SiteId });
    }

    private static string SuggestedReason(VialDetails.View view) =>
        view.Recalled ? "Lot recalled" : view.Vial.ExpiryDate < view.SiteToday ? "Expired" : "";
}
