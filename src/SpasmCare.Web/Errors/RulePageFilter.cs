using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Errors;

/// <summary>A <see cref="RuleException"/> thrown by a page handler becomes a form error and the page re-renders.</summary>
public sealed class RulePageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is RuleException rule && context.HandlerInstance is PageModel page)
        {
            var key = rule.Field is null ? "" : "Input." + rule.Field;
            context.ModelState.AddModelError(key, rule.Message);
            executed.ExceptionHandled = true;
            executed.Result = page.Page();
        }
    }
}
