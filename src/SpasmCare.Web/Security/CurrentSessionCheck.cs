using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Security;

/// <summary>
/// Server-side check of every cookie-authenticated request: the account must still be active and its security stamp
/// unchanged since the cookie was issued. One primary-key read; a replayed cookie is refused right after sign-out.
/// </summary>
public static class CurrentSessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } principal)
        {
            return;
        }

        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var stamp = principal.FindFirst(options.ClaimsIdentity.SecurityStampClaimType)?.Value;
        var id = principal.FindFirst(options.ClaimsIdentity.UserIdClaimType)?.Value;
        if (!Guid.TryParse(id, out var userId) || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<SpasmCareDbContext>();
        var current = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !current.IsActive || current.SecurityStamp != stamp)
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
