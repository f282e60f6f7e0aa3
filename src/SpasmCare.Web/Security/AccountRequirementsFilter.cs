using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SpasmCare.Web.Security;

/// <summary>
/// Until a staff member has changed a one-time password (and set up two-factor where their role requires it),
/// every page other than those under /Account sends them there.
/// </summary>
public sealed class AccountRequirementsFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (user.Identity?.IsAuthenticated == true && !page.StartsWith("/Account/", StringComparison.Ordinal))
        {
            if (user.HasClaim(AppClaimsFactory.MustChangePassword, "true"))
            {
                context.Result = new RedirectToPageResult("/Account/ChangePassword", new { required = true });
                return;
            }

            if (user.HasClaim(AppClaimsFactory.TwoFactorSetupRequired, "true"))
            {
                context.Result = new RedirectToPageResult("/Account/TwoFactor", new { required = true });
                return;
            }
        }

        await next();
    }
}
