using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class VialModel(VialDetails.Query query, AuditLog audit) : PageModel
{
    public VialDetails.View View { get; private set; } = null!;

    /// <summary>The ledger names the patients each draw went to: one read row per patient.</summary>
    [Audited(AuditAction.ToxinStockViewed, "ToxinVial")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.HandleAsync(id, withLedger: true, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        foreach (var patientId in view.Patients)
        {
            audit.Read(AuditAction.ToxinStockViewed, patientId, "ToxinVial", id.ToString());
        }

        return Page();
    }
}
