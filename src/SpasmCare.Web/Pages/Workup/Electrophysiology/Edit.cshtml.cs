using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Workup.Electrophysiology;

public sealed class EditModel(UpdateElectrophysiology.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateElectrophysiology.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ElectrophysiologyStudy Study { get; private set; } = null!;
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ElectrophysiologyRead, RecordElectrophysiology.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ElectrophysiologyRead, patientId, RecordElectrophysiology.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new UpdateElectrophysiology.Request { Study = ElectrophysiologyInput.From(Study), Version = Study.Version };
        return Page();
    }

    [Audited(AuditAction.ElectrophysiologyUpdated, RecordElectrophysiology.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ElectrophysiologyUpdated, patientId, RecordElectrophysiology.Subject, id);
            return NotFound();
        }

        if (!ModelState.IsValid || Study.EnteredInError)
        {
            audit.Attempt(AuditAction.ElectrophysiologyUpdated, patientId, RecordElectrophysiology.Subject, id);
            return Page();
        }

        WorkupResult<ElectrophysiologyStudy> result;
        try
        {
            result = await handler.HandleAsync(patientId, id, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ElectrophysiologyUpdated, patientId, RecordElectrophysiology.Subject, id);
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
            ModelState.AddModelError("", "Someone else changed this electrophysiology study after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Electrophysiology study updated.";
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
