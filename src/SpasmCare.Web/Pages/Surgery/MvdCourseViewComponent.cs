using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery;

/// <summary>
/// The case page's "Follow-up and outcome" section: the follow-ups with their grade, the delayed-cure state, the
/// time-course types, recurrence, and the course chart against the expected band (DOMAIN §2.7, §4.4). Doctors and
/// nurses only; declaring failure and recording a recurrence are offered to doctors. Its read is audited.
/// </summary>
public sealed class MvdCourseViewComponent(MvdCourse.Query query, IAuthorizationService authorization, AuditLog audit) : ViewComponent
{
    public sealed record Model(MvdCourse Course, bool IsDoctor);

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId, Guid caseId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Clinical)).Succeeded)
        {
            return Content("");
        }

        if (await query.LoadAsync(patientId, caseId, HttpContext.RequestAborted) is not { } course)
        {
            return Content("");
        }

        audit.Read(AuditAction.MvdCaseRead, patientId, RecordFollowUp.Subject, caseId.ToString());
        var isDoctor = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Doctor)).Succeeded;
        return View(new Model(course, isDoctor));
    }
}
