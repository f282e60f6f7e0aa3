using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Calendar;

/// <summary>
/// The iCalendar feed itself, for calendar apps that cannot sign in: the secret token in the address is the only
/// key. Unknown or revoked tokens are not found. Each read is audited as a system read of the practitioner's schedule.
/// </summary>
[AllowAnonymous]
public sealed class FeedModel(CalendarFeed.Read read) : PageModel
{
    [NotAudited("A read of a live token is recorded by CalendarFeed.Read with the practitioner; unknown or revoked tokens, which calendar apps keep polling, show nothing and are not recorded.")]
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var calendar = await read.HandleAsync(token, ct);
        if (calendar is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Content(calendar, "text/calendar; charset=utf-8");
    }
}
