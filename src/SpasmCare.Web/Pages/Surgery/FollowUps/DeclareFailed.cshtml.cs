using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Surgery.FollowUps;

/// <summary>The surgeon declares the operation failed before the delayed-cure window ends, with a reason.</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class DeclareFailedModel(DeclareFailed.Handler handler, MvdCourse.Query query, AuditLog audit) : PageModel
{
    [BindProperty] public DeclareFailed.Request Input { get; set; } = new();

    public MvdCourse Course { get; private set; } = null!;

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        audit.Attempt(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId);
        if (await query.LoadAsync(patientId, caseId, ct) is not { } course)
        {
            return NotFound();
        }

        Course = course;
        Input = new DeclareFailed.Request { Version = course.Header.Case.Version };
        return Page();
    }

    [Audited(AuditAction.MvdDeclaredFailed, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } course)
        {
            audit.Attempt(AuditAction.MvdDeclaredFailed, patientId, MvdCaseRules.Subject, caseId);
            return NotFound();
        }

        Course = course;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.MvdDeclaredFailed, patientId, MvdCaseRules.Subject, caseId);
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(patientId, caseId, Input, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.MvdDeclaredFailed, patientId, MvdCaseRules.Subject, caseId);
            throw;
        }

        TempData["Status"] = "The operation is declared failed.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "mvd-course");
    }
}
