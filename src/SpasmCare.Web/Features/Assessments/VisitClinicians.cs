using System.Security.Claims;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>A doctor or nurse who can be named as a visit's clinician.</summary>
public sealed record VisitClinician(Guid Id, string Name, string Role);

/// <summary>
/// Who can be named as the clinician of a visit: the active doctors and nurses, and the signed-in clinician
/// (the default), whose name comes from the sign-in.
/// </summary>
public sealed class VisitClinicians(SpasmCareDbContext db, IHttpContextAccessor accessor)
{
    /// <summary>The signed-in user's display name (or user name), as it is written on visits and examinations.</summary>
    public string CurrentName()
    {
        var user = accessor.HttpContext?.User;
        var display = user?.FindFirstValue(AppClaimsFactory.DisplayName);
        return string.IsNullOrWhiteSpace(display) ? user?.Identity?.Name ?? "" : display;
    }

    public Guid? CurrentId() =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Active doctors and nurses by name, with the signed-in clinician among them.</summary>
    public async Task<IReadOnlyList<VisitClinician>> ListAsync(CancellationToken ct)
    {
        var staff = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where user.IsActive && (role.Name == Roles.Doctor || role.Name == Roles.Nurse)
                select new { user.Id, user.DisplayName, user.UserName, Role = role.Name })
            .ToListAsync(ct);
        var list = staff
            .GroupBy(s => s.Id)
            .Select(g => g.OrderBy(s => s.Role == Roles.Doctor ? 0 : 1).First())
            .Select(s => new VisitClinician(s.Id, string.IsNullOrWhiteSpace(s.DisplayName) ? s.UserName ?? "" : s.DisplayName, s.Role!))
            .ToList();

        var principal = accessor.HttpContext?.User;
        if (CurrentId() is { } me && list.All(c => c.Id != me) && principal is not null
            && (principal.IsInRole(Roles.Doctor) || principal.IsInRole(Roles.Nurse)))
        {
            list.Add(new VisitClinician(me, CurrentName(), principal.IsInRole(Roles.Doctor) ? Roles.Doctor : Roles.Nurse));
        }

        return list.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
