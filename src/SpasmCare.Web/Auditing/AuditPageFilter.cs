using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace SpasmCare.Web.Auditing;

/// <summary>Page counterpart of <see cref="AuditEndpointExtensions.Audited{TBuilder}"/>: honours [Audited] on handlers.</summary>
public sealed class AuditPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var audited = context.HandlerMethod?.MethodInfo.GetCustomAttribute<AuditedAttribute>();
        if (audited is null)
        {
            await next();
            return;
        }

        var executed = await next();
        int status;
        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            status = AppExceptionStatus.Of(executed.Exception);
        }
        else if (!context.ModelState.IsValid)
        {
            status = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            status = executed.Result switch
            {
                IStatusCodeActionResult { StatusCode: { } code } => code,
                RedirectToPageResult or RedirectResult or LocalRedirectResult => StatusCodes.Status303SeeOther,
                _ => StatusCodes.Status200OK,
            };
        }

        await AuditFlush.FlushAsync(context.HttpContext, audited, status);
    }
}
