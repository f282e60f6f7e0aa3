namespace SpasmCare.Web.Features.Sites;

public static class SiteList
{
    public static async Task<IReadOnlyList<Site>> ActiveAsync(SpasmCareDbContext db, CancellationToken ct) =>
        await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
}
