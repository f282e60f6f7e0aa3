using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Diagnoses;

[Authorize(Policy = Policies.Doctor)]
public sealed class EndModel(EndDiagnosis.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public EndDiagnosis.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public PatientDiagnosis Diagnosis { get; private set; } = null!;

    [Audited(AuditAction.DiagnosisRead, RecordDiagnosis.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.DiagnosisRead, patientId, RecordDiagnosis.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new EndDiagnosis.Request { Version = Diagnosis.Version };
        return Page();
    }

    [Audited(AuditAction.DiagnosisEnded, RecordDiagnosis.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.DiagnosisEnded, patientId, RecordDiagnosis.Subject, id);
            return NotFound();
        }

        // On a refusal the form comes back against the version now saved, so the person can confirm after checking.
        var request = new EndDiagnosis.Request { Outcome = Input.Outcome, Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = Diagnosis.Version;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.DiagnosisEnded, patientId, RecordDiagnosis.Subject, id);
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(patientId, id, request, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.DiagnosisEnded, patientId, RecordDiagnosis.Subject, id);
            throw;
        }

        TempData["Status"] = "The diagnosis has ended. It stays in the history with your reason.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "diagnoses");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        var diagnosis = await db.Diagnoses.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PatientId == patientId, ct);
        if (diagnosis is null || await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return false;
        }

        Diagnosis = diagnosis;
        Patient = patient;
        return true;
    }
}
