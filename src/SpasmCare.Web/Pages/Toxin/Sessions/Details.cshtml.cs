using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

[Authorize(Policy = Policies.Clinical)]
public sealed class DetailsModel(SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    public VisitPatient Patient { get; private set; } = null!;
    public SessionView View { get; private set; } = null!;
    public ClinicTime Clock => clock;
    public bool IsDoctor => User.IsInRole(Roles.Doctor);

    [Audited(AuditAction.InjectionSessionRead, RecordSession.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        audit.Read(AuditAction.InjectionSessionRead, patientId, RecordSession.Subject, sessionId.ToString());
        if (await SessionView.FindAsync(db, patientId, sessionId, ct) is not { } view
            || await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return NotFound();
        }

        View = view;
        Patient = patient;
        return Page();
    }
}
