using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Examinations;

[Authorize(Policy = Policies.Doctor)]
public sealed class AmendModel(AmendExamination.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public ExaminationInput Input { get; set; } = new();

    public VisitPatient? Patient { get; private set; }
    public Examination? Examination { get; private set; }
    public VisitView? View { get; private set; }
    public AmendExamination.Conflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ExaminationRead, "Examination")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Read(AuditAction.ExaminationRead, patientId, "Examination", id.ToString());
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = ExaminationInput.From(Examination!.ReadFindings());
        return Page();
    }

    [Audited(AuditAction.ExaminationAmended, "Examination")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Read(AuditAction.ExaminationAmended, patientId, "Examination", id.ToString());
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

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.AddModelError("", "This examination was amended by someone else after you opened it. Nothing was saved.");
            return Page();
        }

        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
            }

            return Page();
        }

        TempData["Status"] = "Examination amended. The earlier version is kept.";
        return Redirect($"/Patients/{patientId}/Examinations/{result.Amendment!.Id}");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        Examination = Patient is null
            ? null
            : await db.Examinations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.PatientId == patientId, ct);
        View = Examination is null ? null : await VisitView.FindAsync(db, patientId, Examination.VisitId, ct);
        return View is not null;
    }
}
