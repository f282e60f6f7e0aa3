using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Security;

/// <summary>
/// Adds what the account-requirements filter needs to the sign-in cookie, so it needs no database read per
/// request: whether the password must be changed, and whether two-factor set-up is still owed.
/// </summary>
public sealed class AppClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    SpasmCareDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    public const string MustChangePassword = "sc:must_change_password";
    public const string TwoFactorSetupRequired = "sc:two_factor_setup_required";
    public const string DisplayName = "sc:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled)
        {
            var required = await TwoFactorPolicy.RequiredRolesAsync(db, CancellationToken.None);
            var userRoles = await UserManager.GetRolesAsync(user);
            if (userRoles.Any(required.Contains))
            {
                identity.AddClaim(new Claim(TwoFactorSetupRequired, "true"));
            }
        }

        return identity;
    }
}

public static class TwoFactorPolicy
{
    public static async Task<HashSet<string>> RequiredRolesAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking()
            .Where(s => s.Key == AppSetting.TwoFactorRequiredRoles)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(ct);
        return (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Roles.All.Contains)
            .ToHashSet(StringComparer.Ordinal);
    }
}
