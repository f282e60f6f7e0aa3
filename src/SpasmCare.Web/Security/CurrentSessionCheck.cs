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
        var services = context.HttpContext.RequestServices;
        // The full re-validation (which also rebuilds roles and two-factor claims) builds Identity's whole object
        // graph, so it runs only when its interval has passed; the stamp comparison below runs every time.
        var interval = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc is not { } issued || now - issued > interval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }

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

        var current = await services.GetRequiredService<SpasmCareDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new SessionState(u.SecurityStamp, u.IsActive))
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !current.IsActive || current.SecurityStamp != stamp)
        {
            await RejectAsync(context);
        }
    }

    private sealed record SessionState(string? SecurityStamp, bool IsActive);

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
