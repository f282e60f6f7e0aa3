using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery;

/// <summary>
/// The case page's "Follow-up and outcome" section: the follow-ups with their grade, the delayed-cure state, the
/// time-course types, recurrence, and the course chart against the expected band (DOMAIN §2.7, §4.4). Doctors and
/// nurses only; declaring failure and recording a recurrence are offered to doctors. Its read is audited.
/// </summary>
public sealed class MvdCourseViewComponent(MvdCourse.Query query, IAuthorizationService authorization, AuditLog audit, AuditWriter writer)
    : ViewComponent
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

        // A view component renders after the page's audit filter has committed the page's reads, so this read is
        // committed here, before any of it is written to the response.
        audit.Read(AuditAction.MvdCaseRead, patientId, RecordFollowUp.Subject, caseId.ToString());
        await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), HttpContext.RequestAborted);
        var isDoctor = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Doctor)).Succeeded;
        return View(new Model(course, isDoctor));
    }
}
