using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Examinations;

[Authorize(Policy = Policies.Doctor)]
public sealed class NewModel(RecordExamination.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public ExaminationInput Input { get; set; } = new();

    public VisitPatient? Patient { get; private set; }
    public VisitView? View { get; private set; }
    public Examination? Previous { get; private set; }
    public bool StartedFromPrevious { get; private set; }
    public Guid? ExistingOnThisVisit { get; private set; }
    public ClinicTime Clock => clock;

    /// <param name="patientId">The patient.</param>
    /// <param name="id">The visit.</param>
    /// <param name="start">"previous" fills the form from the patient's latest current examination.</param>
    /// <param name="ct">Cancellation.</param>
    [Audited(AuditAction.VisitRead, "Visit")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, string? start, CancellationToken ct)
    {
        audit.Read(AuditAction.VisitRead, patientId, "Visit", id.ToString());
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        if (View!.Visit.EnteredInError)
        {
            return Redirect($"/Patients/{patientId}/Visits/{id}");
        }

        if (string.Equals(start, "previous", StringComparison.Ordinal) && Previous is not null)
        {
            audit.Read(AuditAction.ExaminationRead, patientId, "Examination", Previous.Id.ToString());
            Input = ExaminationInput.From(Previous.ReadFindings());
            StartedFromPrevious = true;
        }

        return Page();
    }

    [Audited(AuditAction.ExaminationRecorded, "Examination")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Read(AuditAction.ExaminationRecorded, patientId, "Visit", id.ToString());
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(patientId, id, Input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
            }

            return Page();
        }

        TempData["Status"] = "Examination recorded.";
        return Redirect($"/Patients/{patientId}/Examinations/{result.Examination!.Id}");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        View = Patient is null ? null : await VisitView.FindAsync(db, patientId, id, ct);
        if (View is null)
        {
            return false;
        }

        Previous = await ExaminationQueries.LatestCurrentAsync(db, patientId, ct);
        ExistingOnThisVisit = await db.Examinations.AsNoTracking()
            .Where(e => e.VisitId == id && e.SupersededBy == null)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(ct);
        return true;
    }
}
