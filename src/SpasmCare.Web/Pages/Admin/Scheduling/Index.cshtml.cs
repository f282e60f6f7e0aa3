using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Setting up the schedule: practitioners, rooms and theatres, with links to availability, holidays and types.</summary>
public sealed class IndexModel(SpasmCareDbContext db) : PageModel
{
    public sealed record Row(ScheduleResource Resource, string? Site, int Sessions, bool HasFeed);

    public List<Row> Practitioners { get; private set; } = [];
    public List<Row> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await (from r in db.ScheduleResources.AsNoTracking()
                          join s in db.Sites on r.SiteId equals s.Id into site
                          from s in site.DefaultIfEmpty()
                          orderby r.Name
                          select new Row(r, s == null ? null : s.Name,
                              db.WeeklyAvailabilities.Count(a => a.ResourceId == r.Id),
                              db.CalendarFeedTokens.Any(t => t.ResourceId == r.Id && t.RevokedAtUtc == null)))
            .ToListAsync(ct);
        Practitioners = rows.Where(r => r.Resource.Kind == ResourceKind.Practitioner).OrderByDescending(r => r.Resource.IsActive).ToList();
        Places = rows.Where(r => r.Resource.Kind != ResourceKind.Practitioner)
            .OrderByDescending(r => r.Resource.IsActive).ThenBy(r => r.Site).ThenBy(r => r.Resource.Kind).ToList();
    }
}
