using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Pages.Messaging;

/// <summary>
/// The patient page's Messages card: contact consent and the SMS and email choices, with a link to change them.
/// Front desk, doctors and nurses (others see nothing); its read is audited as
/// <see cref="AuditAction.ContactPreferencesViewed"/>.
/// </summary>
public sealed class ContactPreferencesViewComponent(SpasmCareDbContext db, IAuthorizationService authorization, AuditLog audit, AuditWriter writer)
    : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Scheduling)).Succeeded)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        if (await ContactPreferencesView.LoadAsync(db, patientId, ct) is not { } view)
        {
            return Content("");
        }

        // A view component renders after the page's audit filter has committed the page's reads.
        audit.Read(AuditAction.ContactPreferencesViewed, patientId);
        await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), ct);
        return View("~/Pages/Messaging/_ContactPreferences.cshtml", view);
    }
}
