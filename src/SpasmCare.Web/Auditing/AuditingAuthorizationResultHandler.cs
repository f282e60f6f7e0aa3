using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SpasmCare.Web.Auditing;

/// <summary>Records every authorisation denial of a signed-in user (or of a presented API token).</summary>
public sealed class AuditingAuthorizationResultHandler(AuditWriter writer) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (authorizeResult.Forbidden || (authorizeResult.Challenged && signedIn))
        {
            var log = context.RequestServices.GetRequiredService<AuditLog>();
            var status = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            await writer.WriteAsync(
                [log.Create(AuditAction.AccessDenied, "Endpoint", null, null, AuditOutcome.Denied, status,
                    context.Request.Method + " " + context.Request.Path)],
                context.RequestAborted);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
