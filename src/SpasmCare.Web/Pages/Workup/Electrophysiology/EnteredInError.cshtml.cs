using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Electrophysiology;

public sealed class EnteredInErrorModel(MarkElectrophysiologyEnteredInError.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public EnteredInErrorRequest Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ElectrophysiologyStudy Study { get; private set; } = null!;

    [Audited(AuditAction.ElectrophysiologyRead, RecordElectrophysiology.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ElectrophysiologyRead, patientId, RecordElectrophysiology.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new EnteredInErrorRequest { Version = Study.Version };
        return Page();
    }

    [Audited(AuditAction.ElectrophysiologyEnteredInError, RecordElectrophysiology.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ElectrophysiologyEnteredInError, patientId, RecordElectrophysiology.Subject, id);
            return NotFound();
        }

        // On a refusal the form comes back against the version now saved, so the person can confirm after checking.
        var request = new EnteredInErrorRequest { Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = Study.Version;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.ElectrophysiologyEnteredInError, patientId, RecordElectrophysiology.Subject, id);
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
            audit.Attempt(AuditAction.ElectrophysiologyEnteredInError, patientId, RecordElectrophysiology.Subject, id);
            throw;
        }

        TempData["Status"] = "The electrophysiology study is marked as entered in error. It stays in the record with your reason.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "investigations");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        var study = await db.ElectrophysiologyStudies.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
        if (study is null || await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return false;
        }

        Study = study;
        Patient = patient;
        return true;
    }
}
