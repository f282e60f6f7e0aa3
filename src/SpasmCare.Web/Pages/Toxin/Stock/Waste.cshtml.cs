using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class WasteModel(VialDetails.Query query, WasteVial.Handler handler) : PageModel
{
    [BindProperty] public WasteVial.Request Input { get; set; } = new();

    public VialDetails.View View { get; private set; } = null!;

    [NotAudited("Waste form for one vial: no patient data.")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.HandleAsync(id, withLedger: false, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Input = new WasteVial.Request { Version = view.Vial.Version };
        return Page();
    }

    [Audited(AuditAction.ToxinVialWasted, "ToxinVial")]
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

        TempData["Status"] = $"{VialLedger.Units(Input.Units ?? 0)} U recorded as waste; {VialLedger.Units(vial.UnitsLeft)} U left.";
        return RedirectToPage("Vial", new { id });
    }
}
