using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Diagnoses;

/// <summary>
/// Records a diagnosis. <c>?condition=HemifacialSpasm</c> (and optionally <c>&amp;etiology=Primary&amp;side=Left</c>)
/// pre-fills the form, so the examination and the differential can link here; the doctor confirms.
/// </summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class NewModel(RecordDiagnosis.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public DiagnosisInput Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, string? condition, string? etiology, string? side, CancellationToken ct)
    {
        audit.Attempt(AuditAction.PatientRead, patientId, "Patient", null);
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return NotFound();
        }

        Patient = patient;
        Input = new DiagnosisInput
        {
            Condition = Enum.TryParse<ClinicalCondition>(condition, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null,
            Side = Enum.TryParse<AffectedSide>(side, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : AffectedSide.Unknown,
        };
        if (Input.Condition == ClinicalCondition.HemifacialSpasm
            && Enum.TryParse<HfsEtiology>(etiology, ignoreCase: true, out var e) && Enum.IsDefined(e))
        {
            Input.Etiology = e;
        }

        return Page();
    }

    [Audited(AuditAction.DiagnosisRecorded, RecordDiagnosis.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            audit.Attempt(AuditAction.DiagnosisRecorded, patientId, "Patient", null);
            return NotFound();
        }

        Patient = patient;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.DiagnosisRecorded, patientId, "Patient", null);
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(patientId, Input, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.DiagnosisRecorded, patientId, "Patient", null);
            throw;
        }

        TempData["Status"] = "Diagnosis recorded.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "diagnoses");
    }
}
