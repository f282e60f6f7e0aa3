using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>The printable discharge summary: operation, complications, medicines and notes, follow-up dates.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class DischargeSummaryModel(MvdCaseView.Query query, AuditLog audit, Microsoft.Extensions.Options.IOptions<Hosting.ClinicOptions> clinic) : PageModel
{
    public MvdCaseView View { get; private set; } = null!;
    public string ClinicName => clinic.Value.Name;

    [Audited(AuditAction.MvdDischargeSummaryPrinted, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { Operation: not null } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.MvdDischargeSummaryPrinted, patientId, MvdCaseRules.Subject, caseId.ToString());
        return Page();
    }
}
