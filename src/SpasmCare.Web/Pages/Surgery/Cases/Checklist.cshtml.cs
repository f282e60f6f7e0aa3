using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

[Authorize(Policy = Policies.Clinical)]
[StaleCaseFilter]
public sealed class ChecklistModel(UpdateChecklist.Handler handler, MvdCaseView.Query query, AuditLog audit) : PageModel, IVersionedForm
{
    [BindProperty] public UpdateChecklist.Request Input { get; set; } = new();

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
        Input = UpdateChecklist.Request.From(view.Case);
        return Page();
    }

    [Audited(AuditAction.MvdChecklistUpdated, MvdCaseRules.Subject)]
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

        var saved = await handler.HandleAsync(patientId, caseId, Input, ct);
        if (saved is null)
        {
            return NotFound();
        }

        TempData["Status"] = MvdCaseRules.ReadinessOf(saved) == Readiness.Complete
            ? "Checklist saved: complete, the case is ready for surgery."
            : "Checklist saved.";
        return RedirectToPage("Details", new { patientId, caseId });
    }
}
