using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Electrophysiology;

public sealed class NewModel(RecordElectrophysiology.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ElectrophysiologyInput Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct)
    {
        audit.Attempt(AuditAction.PatientRead, patientId, "Patient", null);
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return NotFound();
        }

        Patient = patient;
        return Page();
    }

    [Audited(AuditAction.ElectrophysiologyRecorded, RecordElectrophysiology.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            audit.Attempt(AuditAction.ElectrophysiologyRecorded, patientId, "Patient", null);
            return NotFound();
        }

        Patient = patient;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.ElectrophysiologyRecorded, patientId, "Patient", null);
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
            audit.Attempt(AuditAction.ElectrophysiologyRecorded, patientId, "Patient", null);
            throw;
        }

        TempData["Status"] = "Electrophysiology study saved.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "investigations");
    }
}
