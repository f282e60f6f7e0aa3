using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Examinations;

/// <summary>An examination in plain words, and the differential the aid suggests from it.</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class DetailsModel(SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    public VisitPatient? Patient { get; private set; }
    public Examination? Examination { get; private set; }
    public VisitView? View { get; private set; }
    public FacialExamination Findings { get; private set; } = new();
    public IReadOnlyList<SummaryLine> Summary { get; private set; } = [];
    public DifferentialView? Differential { get; private set; }
    public Examination? Amended { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ExaminationRead, "Examination")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Read(AuditAction.ExaminationRead, patientId, "Examination", id.ToString());
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        Examination = Patient is null
            ? null
            : await db.Examinations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.PatientId == patientId, ct);
        View = Examination is null ? null : await VisitView.FindAsync(db, patientId, Examination.VisitId, ct);
        if (View is null)
        {
            return NotFound();
        }

        if (Examination!.Amends is { } earlier)
        {
            Amended = await db.Examinations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == earlier, ct);
        }

        Findings = Examination.ReadFindings();
        Summary = ExaminationSummary.Describe(Findings);
        Differential = DifferentialView.Of(Findings);
        audit.Read(AuditAction.DifferentialViewed, patientId, "Examination", id.ToString());
        return Page();
    }
}
