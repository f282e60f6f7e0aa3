using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Workup.Imaging;

public sealed class EditModel(UpdateImaging.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateImaging.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ImagingStudy Study { get; private set; } = null!;
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ImagingRead, RecordImaging.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ImagingRead, patientId, RecordImaging.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new UpdateImaging.Request { Study = ImagingInput.From(Study), Version = Study.Version };
        return Page();
    }

    [Audited(AuditAction.ImagingUpdated, RecordImaging.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ImagingUpdated, patientId, RecordImaging.Subject, id);
            return NotFound();
        }

        if (!ModelState.IsValid || Study.EnteredInError)
        {
            audit.Attempt(AuditAction.ImagingUpdated, patientId, RecordImaging.Subject, id);
            return Page();
        }

        WorkupResult<ImagingStudy> result;
        try
        {
            result = await handler.HandleAsync(patientId, id, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ImagingUpdated, patientId, RecordImaging.Subject, id);
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
            ModelState.AddModelError("", "Someone else changed this imaging study after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Imaging study updated.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "investigations");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        var study = await db.ImagingStudies.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
        if (study is null || await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return false;
        }

        Study = study;
        Patient = patient;
        return true;
    }
}
