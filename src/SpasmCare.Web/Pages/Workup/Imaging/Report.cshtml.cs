using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Workup.Imaging;

/// <summary>Uploads the report of an imaging study (PDF, JPEG or PNG), replacing the link to an earlier one.</summary>
[DocumentUploadLimits]
public sealed class ReportModel(UploadDocument.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock,
    IOptions<DocumentOptions> options) : PageModel
{
    [BindProperty] public UploadDocument.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ImagingStudy Study { get; private set; } = null!;
    public PatientDocument? Current { get; private set; }
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;
    public DocumentOptions Limits => options.Value;

    /// <summary>Shown after an upload too large to be read at all was sent back here.</summary>
    public string? TooLarge { get; private set; }

    [Audited(AuditAction.ImagingRead, RecordImaging.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, string? refused, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ImagingRead, patientId, RecordImaging.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new UploadDocument.Request { Version = Study.Version };
        if (refused == DocumentUploadLimitsAttribute.TooLarge)
        {
            // The refusal itself was audited when the upload was turned away; this read of the form succeeds.
            TooLarge = $"The file is larger than the limit of {Limits.MaxSizeText}. Nothing was saved. Scan at a lower resolution or upload a PDF.";
        }

        return Page();
    }

    [Audited(AuditAction.DocumentUploaded, UploadDocument.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.DocumentRejected, patientId, UploadDocument.Subject, null);
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.DocumentRejected, patientId, UploadDocument.Subject, null);
            return Page();
        }

        var result = await handler.HandleAsync(patientId, id, Input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        ModelState.Remove("Input.Version");
        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            Input.Version = conflict.CurrentVersion;
            Study = await db.ImagingStudies.AsNoTracking().FirstAsync(s => s.Id == id, ct);
            ModelState.AddModelError("", "Someone else changed this imaging study after you opened it. Nothing was saved.");
            return Page();
        }

        if (result.Refused is { } refusal)
        {
            ModelState.AddModelError("Input.File", refusal.Message);
            return Page();
        }

        TempData["Status"] = "Report uploaded.";
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
        Current = study.ReportDocumentId is { } reportId
            ? await db.PatientDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == reportId, ct)
            : null;
        return true;
    }
}
