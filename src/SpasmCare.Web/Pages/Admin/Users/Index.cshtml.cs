using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Admin.Users;

public sealed class IndexModel(SpasmCareDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(Guid Id, string DisplayName, string UserName, List<string> Roles, List<string> Sites,
        bool TwoFactor, bool IsActive, bool LockedOut, bool MustChangePassword);

    public List<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var sites = await db.UserSites.Join(db.Sites, us => us.SiteId, s => s.Id, (us, s) => new { us.UserId, s.Name })
            .ToListAsync(ct);
        Users = users.Select(u => new Row(
            u.Id, u.DisplayName, u.UserName ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList(),
            sites.Where(s => s.UserId == u.Id).Select(s => s.Name).Order().ToList(),
            u.TwoFactorEnabled, u.IsActive, u.LockoutEnd > now, u.MustChangePassword)).ToList();
    }
}
