using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

[Authorize(Policy = Policies.Clinical)]
[StaleCaseFilter]
public sealed class CancelModel(CancelCase.Handler handler, MvdCaseView.Query query, AuditLog audit) : PageModel, IVersionedForm
{
    [BindProperty] public CancelCase.Request Input { get; set; } = new();

    public MvdCaseView View { get; private set; } = null!;

    public void UseVersion(Guid version) => Input.Version = version;

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        Input = new() { Version = view.Case.Version };
        return Page();
    }

    [Audited(AuditAction.MvdCancelled, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(patientId, caseId, Input, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Case cancelled.";
        return RedirectToPage("Details", new { patientId, caseId });
    }
}
