using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Surgery.FollowUps;

[Authorize(Policy = Policies.Clinical)]
public sealed class EditModel(UpdateFollowUp.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateFollowUp.Request Input { get; set; } = new();

    public FollowUpCase Header { get; private set; } = null!;
    public MvdFollowUp FollowUp { get; private set; } = null!;
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.MvdCaseRead, RecordFollowUp.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.MvdCaseRead, patientId, RecordFollowUp.Subject, id);
        if (!await LoadAsync(patientId, caseId, id, ct))
        {
            return NotFound();
        }

        Input = new UpdateFollowUp.Request { FollowUp = FollowUpInput.From(FollowUp), Version = FollowUp.Version };
        return Page();
    }

    [Audited(AuditAction.MvdFollowUpUpdated, RecordFollowUp.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, id, ct))
        {
            audit.Attempt(AuditAction.MvdFollowUpUpdated, patientId, RecordFollowUp.Subject, id);
            return NotFound();
        }

        if (!ModelState.IsValid || FollowUp.EnteredInError)
        {
            audit.Attempt(AuditAction.MvdFollowUpUpdated, patientId, RecordFollowUp.Subject, id);
            return Page();
        }

        WorkupResult<MvdFollowUp> result;
        try
        {
            result = await handler.HandleAsync(patientId, caseId, id, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.MvdFollowUpUpdated, patientId, RecordFollowUp.Subject, id);
            throw;
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.Remove("Input.Version");
            Input.Version = conflict.CurrentVersion;
            ModelState.AddModelError("", "Someone else changed this follow-up after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "The follow-up is updated.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "mvd-course");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        var followUp = await db.MvdFollowUps.AsNoTracking()
            .FirstOrDefaultAsync(f => f.Id == id && f.CaseId == caseId && f.PatientId == patientId, ct);
        if (followUp is null || await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
        {
            return false;
        }

        FollowUp = followUp;
        Header = header;
        return true;
    }
}
