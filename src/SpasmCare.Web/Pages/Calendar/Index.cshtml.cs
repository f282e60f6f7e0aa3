using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Calendar;

/// <summary>
/// A practitioner's calendar feed: make a secret address for a calendar app, or revoke it. A doctor or nurse
/// manages their own; an administrator any practitioner's (<c>?resourceId=</c>), including outside practitioners.
/// </summary>
[Authorize(Roles = Roles.Doctor + "," + Roles.Nurse + "," + Roles.Admin)]
public sealed class IndexModel(SpasmCareDbContext db, ICurrentUser user, CalendarFeed.Issue issue, CalendarFeed.Revoke revoke) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? ResourceId { get; set; }

    public ScheduleResource? Practitioner { get; private set; }
    public CalendarFeed.Status? Live { get; private set; }

    /// <summary>The new address, shown once, right after it is made.</summary>
    public string? NewUrl { get; private set; }

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    [NotAudited("Shows whether a feed address exists and when it was made; no patient data.")]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    [Audited(AuditAction.CalendarFeedCreated, "ScheduleResource")]
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (Practitioner is null)
        {
            return NotFound();
        }

        var token = await issue.HandleAsync(Practitioner.Id, ct);
        NewUrl = CalendarFeed.Url(Request, token);
        Live = await CalendarFeed.LiveAsync(db, Practitioner.Id, ct);
        return Page();
    }

    [Audited(AuditAction.CalendarFeedRevoked, "ScheduleResource")]
    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (Practitioner is null)
        {
            return NotFound();
        }

        TempData["Status"] = await revoke.HandleAsync(Practitioner.Id, ct)
            ? "The calendar address is revoked: calendar apps using it get nothing from now on."
            : "There was no calendar address to revoke.";
        return RedirectToPage(new { resourceId = IsAdmin ? Practitioner.Id : (Guid?)null });
    }

    /// <summary>Finds whose feed this is; a result when the request must stop (unknown practitioner, or not theirs).</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (ResourceId is { } id)
        {
            Practitioner = await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Kind == ResourceKind.Practitioner, ct);
            if (Practitioner is null || (!IsAdmin && Practitioner.UserId != user.UserId))
            {
                return NotFound();
            }
        }
        else
        {
            var me = user.UserId;
            Practitioner = me is null ? null
                : await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == me && r.Kind == ResourceKind.Practitioner, ct);
        }

        if (Practitioner is not null)
        {
            Live = await CalendarFeed.LiveAsync(db, Practitioner.Id, ct);
        }

        return null;
    }
}
