using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Admin.Doctors;

/// <summary>Doctor profiles and site details shown on the public "Doctors and sites" page.</summary>
public sealed class IndexModel(SpasmCareDbContext db) : PageModel
{
    public sealed record SiteRow(Guid Id, string Name, bool IsActive, bool HasDetails);

    public List<DoctorProfile> Doctors { get; private set; } = [];
    public List<SiteRow> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Doctors = await db.DoctorProfiles.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        var withDetails = await db.SiteProfiles.AsNoTracking().Select(p => p.SiteId).ToListAsync(ct);
        Sites = (await db.Sites.AsNoTracking().OrderByDescending(s => s.IsActive).ThenBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.IsActive }).ToListAsync(ct))
            .Select(s => new SiteRow(s.Id, s.Name, s.IsActive, withDetails.Contains(s.Id))).ToList();
    }
}
