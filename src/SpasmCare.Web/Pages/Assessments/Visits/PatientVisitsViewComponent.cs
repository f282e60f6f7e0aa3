using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Pages.Assessments.Visits;

/// <summary>
/// The Visits section of the patient page: shown to doctors and nurses only (the front desk and an admin account
/// see nothing of it, SECURITY AC-04). The patient page's own read audit covers it.
/// </summary>
public sealed class PatientVisitsViewComponent(SpasmCareDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Model(Guid PatientId, IReadOnlyList<VisitRow> Visits);

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Clinical)).Succeeded)
        {
            return Content("");
        }

        var visits = await VisitList.ForPatientAsync(db, patientId, HttpContext.RequestAborted);
        return View("/Pages/Assessments/Visits/_PatientVisits.cshtml", new Model(patientId, visits));
    }
}
