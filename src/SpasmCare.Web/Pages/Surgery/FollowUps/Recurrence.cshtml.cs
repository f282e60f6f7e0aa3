using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Surgery.FollowUps;

/// <summary>Records that the spasm came back after a cure; the case then offers a referral for a redo.</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class RecurrenceModel(RecordRecurrence.Handler handler, MvdCourse.Query query, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public RecordRecurrence.Request Input { get; set; } = new();

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
        Input = new RecordRecurrence.Request { RecurredOn = clock.Today, Version = course.Header.Case.Version };
        return Page();
    }

    [Audited(AuditAction.MvdRecurrenceRecorded, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } course)
        {
            audit.Attempt(AuditAction.MvdRecurrenceRecorded, patientId, MvdCaseRules.Subject, caseId);
            return NotFound();
        }

        Course = course;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.MvdRecurrenceRecorded, patientId, MvdCaseRules.Subject, caseId);
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
            audit.Attempt(AuditAction.MvdRecurrenceRecorded, patientId, MvdCaseRules.Subject, caseId);
            throw;
        }

        TempData["Status"] = "The recurrence is recorded. Refer the patient for a redo operation from the case if planned.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "mvd-course");
    }
}
