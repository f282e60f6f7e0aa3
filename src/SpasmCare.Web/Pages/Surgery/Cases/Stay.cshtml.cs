using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>Admission and discharge, at the hospital's local time; the length of stay is shown against the clinic's target.</summary>
[Authorize(Policy = Policies.Clinical)]
[StaleCaseFilter]
public sealed class StayModel(RecordStay.Handler handler, MvdCaseView.Query query, AuditLog audit) : PageModel, IVersionedForm
{
    [BindProperty] public RecordStay.Request Input { get; set; } = new();

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
        Input = RecordStay.Request.From(view.Case, view.Zone);
        if (Input.AdmittedDate is null && view.Case.ScheduledStartUtc is { } start)
        {
            // The usual admission: the day before the operation, in the afternoon.
            Input.AdmittedDate = DateOnly.FromDateTime(view.Local(start)).AddDays(-1);
            Input.AdmittedTime = new TimeOnly(16, 0);
        }

        return Page();
    }

    [Audited(AuditAction.MvdStayRecorded, MvdCaseRules.Subject)]
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

        TempData["Status"] = saved.DischargedAtUtc is null ? "Admission saved." : "Stay saved. The discharge summary is ready to print.";
        return RedirectToPage("Details", null, new { patientId, caseId }, "stay");
    }
}
