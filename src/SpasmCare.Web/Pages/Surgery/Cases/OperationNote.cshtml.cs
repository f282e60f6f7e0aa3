using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>The printable operation note: the page itself is the record, audited as printed.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class OperationNoteModel(MvdCaseView.Query query, AuditLog audit, Microsoft.Extensions.Options.IOptions<Hosting.ClinicOptions> clinic) : PageModel
{
    public MvdCaseView View { get; private set; } = null!;
    public string ClinicName => clinic.Value.Name;

    [Audited(AuditAction.MvdOperationNotePrinted, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { Operation: not null } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.MvdOperationNotePrinted, patientId, MvdCaseRules.Subject, caseId.ToString());
        return Page();
    }
}
