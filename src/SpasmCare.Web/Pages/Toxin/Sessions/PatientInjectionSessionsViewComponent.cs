using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

/// <summary>
/// The "Botulinum toxin sessions" card of the patient page: the patient's sessions, newest first, with a way to chart
/// one. Doctors and nurses only (the front desk and an admin account see nothing of it); the read is audited.
/// </summary>
public sealed class PatientInjectionSessionsViewComponent(SpasmCareDbContext db, AuditLog audit, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Model(Guid PatientId, IReadOnlyList<SessionSummary> Sessions, bool CanChart);

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Clinical)).Succeeded)
        {
            return Content("");
        }

        audit.Read(AuditAction.InjectionSessionRead, patientId);
        var sessions = await SessionSummary.ListAsync(db, patientId, HttpContext.RequestAborted);
        var canChart = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Doctor)).Succeeded;
        return View("/Pages/Toxin/Sessions/_PatientSessions.cshtml", new Model(patientId, sessions, canChart));
    }
}
