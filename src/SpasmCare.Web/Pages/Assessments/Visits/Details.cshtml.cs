using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Visits;

public sealed class DetailsModel(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, ScaleHistory.Query scales) : PageModel
{
    public sealed record ExaminationLine(
        Guid Id, string ExaminerName, DateTime RecordedAtUtc, AffectedSide Side, bool Amendment, bool Superseded);

    public VisitPatient? Patient { get; private set; }
    public VisitView? View { get; private set; }
    public List<ExaminationLine> Examinations { get; private set; } = [];
    public ScaleHistory.VisitScales? Scales { get; private set; }
    public ClinicTime Clock => clock;
    public bool IsDoctor => User.IsInRole(Roles.Doctor);

    [Audited(AuditAction.VisitRead, "Visit")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Read(AuditAction.VisitRead, patientId, "Visit", id.ToString());
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        View = Patient is null ? null : await VisitView.FindAsync(db, patientId, id, ct);
        if (View is null)
        {
            return NotFound();
        }

        Examinations = await db.Examinations.AsNoTracking()
            .Where(e => e.VisitId == id)
            .OrderBy(e => e.RecordedAtUtc)
            .Select(e => new ExaminationLine(e.Id, e.ExaminerName, e.RecordedAtUtc, e.Side, e.Amends != null, e.SupersededBy != null))
            .ToListAsync(ct);
        if (!View.Visit.EnteredInError)
        {
            Scales = await scales.ForVisitAsync(patientId, id, ct);   // audits its own read when there are scores
        }

        return Page();
    }
}
