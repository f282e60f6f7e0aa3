using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Workup.Diagnoses;

[Authorize(Policy = Policies.Doctor)]
public sealed class EditModel(UpdateDiagnosis.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateDiagnosis.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public PatientDiagnosis Diagnosis { get; private set; } = null!;
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.DiagnosisRead, RecordDiagnosis.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.DiagnosisRead, patientId, RecordDiagnosis.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new UpdateDiagnosis.Request { Diagnosis = DiagnosisInput.From(Diagnosis), Version = Diagnosis.Version };
        return Page();
    }

    [Audited(AuditAction.DiagnosisUpdated, RecordDiagnosis.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.DiagnosisUpdated, patientId, RecordDiagnosis.Subject, id);
            return NotFound();
        }

        if (!ModelState.IsValid || !Diagnosis.IsCurrent)
        {
            audit.Attempt(AuditAction.DiagnosisUpdated, patientId, RecordDiagnosis.Subject, id);
            return Page();
        }

        WorkupResult<PatientDiagnosis> result;
        try
        {
            result = await handler.HandleAsync(patientId, id, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.DiagnosisUpdated, patientId, RecordDiagnosis.Subject, id);
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
            ModelState.AddModelError("", "Someone else changed this diagnosis after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Diagnosis updated.";
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
