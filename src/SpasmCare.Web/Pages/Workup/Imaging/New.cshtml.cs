using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Imaging;

public sealed class NewModel(RecordImaging.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ImagingInput Input { get; set; } = new();

    /// <summary>"report" when the person chose to upload the report next.</summary>
    [BindProperty] public string? Next { get; set; }

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
        Input = new ImagingInput { Modality = ImagingModality.Mri };
        return Page();
    }

    [Audited(AuditAction.ImagingRecorded, RecordImaging.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            audit.Attempt(AuditAction.ImagingRecorded, patientId, "Patient", null);
            return NotFound();
        }

        Patient = patient;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.ImagingRecorded, patientId, "Patient", null);
            return Page();
        }

        ImagingStudy? study;
        try
        {
            study = await handler.HandleAsync(patientId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ImagingRecorded, patientId, "Patient", null);
            throw;
        }

        if (study is null)
        {
            return NotFound();
        }

        if (Next == "report")
        {
            TempData["Status"] = "Imaging study saved. Now choose the report file.";
            return RedirectToPage("Report", new { patientId, id = study.Id });
        }

        TempData["Status"] = "Imaging study saved.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "investigations");
    }
}
