using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases.Complications;

[Authorize(Policy = Policies.Clinical)]
public sealed class NewModel(RecordComplication.Handler handler, MvdCaseView.Query query, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public ComplicationInput Input { get; set; } = new();

    public MvdCaseView View { get; private set; } = null!;
    public bool IsDoctor { get; private set; }

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        Input = new ComplicationInput { Course = ComplicationCourse.Ongoing };
        return Page();
    }

    [Audited(AuditAction.MvdComplicationRecorded, ComplicationRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(patientId, caseId, Input, IsDoctor, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Complication recorded.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "complications");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        // Complications follow an operation: a case without one has nothing to attach them to.
        if (await query.LoadAsync(patientId, caseId, ct) is not { Operation: not null } view)
        {
            return false;
        }

        View = view;
        IsDoctor = (await authorization.AuthorizeAsync(User, Policies.Doctor)).Succeeded;
        return true;
    }
}
