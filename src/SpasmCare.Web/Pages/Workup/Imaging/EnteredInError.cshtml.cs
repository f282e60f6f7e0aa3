using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Imaging;

public sealed class EnteredInErrorModel(MarkImagingEnteredInError.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public EnteredInErrorRequest Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ImagingStudy Study { get; private set; } = null!;

    [Audited(AuditAction.ImagingRead, RecordImaging.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ImagingRead, patientId, RecordImaging.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new EnteredInErrorRequest { Version = Study.Version };
        return Page();
    }

    [Audited(AuditAction.ImagingEnteredInError, RecordImaging.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ImagingEnteredInError, patientId, RecordImaging.Subject, id);
            return NotFound();
        }

        // On a refusal the form comes back against the version now saved, so the person can confirm after checking.
        var request = new EnteredInErrorRequest { Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = Study.Version;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.ImagingEnteredInError, patientId, RecordImaging.Subject, id);
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
            audit.Attempt(AuditAction.ImagingEnteredInError, patientId, RecordImaging.Subject, id);
            throw;
        }

        TempData["Status"] = "The imaging study is marked as entered in error. It stays in the record with your reason.";
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
