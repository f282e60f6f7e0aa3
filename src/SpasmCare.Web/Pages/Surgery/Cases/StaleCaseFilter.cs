using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>A form of the MVD pathway that can be shown again against the version saved now.</summary>
public interface IVersionedForm
{
    void UseVersion(Guid version);
}

/// <summary>
/// Someone else saved the case (or its operation, or complication) after the editor opened it: the handler saved
/// nothing and audited the attempt; the page shows why, keeps what was typed, and now carries the saved version so
/// that saving again is a deliberate choice.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaleCaseFilterAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is StaleCaseException stale && context.HandlerInstance is PageModel page)
        {
            context.ModelState.Remove("Input.Version");
            if (page is IVersionedForm form)
            {
                form.UseVersion(stale.CurrentVersion);
            }

            context.ModelState.AddModelError("", stale.Message
                + " The form still holds what you typed: check what is saved now (open the case in another tab), then save again to replace it, or cancel to keep it.");
            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
    }
}
