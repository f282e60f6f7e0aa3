using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SpasmCare.Web.Errors;

/// <summary>
/// Turns the exceptions we expect into ProblemDetails for <c>/api</c>. Other paths fall through to the HTML error
/// page. Exception messages never reach the client except for <see cref="RuleException"/>, whose messages are
/// written for users.
/// </summary>
public sealed class AppExceptionHandler(IProblemDetailsService problems, ILogger<AppExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var status = AppExceptionStatus.Of(exception);
        var problem = new ProblemDetails { Status = status };
        switch (exception)
        {
            case RuleException rule:
                problem.Title = rule.Message;
                problem.Extensions["code"] = rule.Code;
                if (rule.Field is not null)
                {
                    problem.Extensions["field"] = rule.Field;
                }

                break;
            case DbUpdateConcurrencyException:
                problem.Title = "The record was changed by someone else. Fetch it again and reapply your change.";
                problem.Extensions["code"] = "conflict";
                break;
            case BadHttpRequestException:
                problem.Title = "The request could not be read. Check that the body is valid JSON of the right shape.";
                break;
            case AuditUnavailableException:
                problem.Title = "The service is temporarily unavailable. Try again shortly.";
                break;
            default:
                problem.Title = "An unexpected error occurred.";
                logger.UnhandledApiException(exception, httpContext.TraceIdentifier);
                break;
        }

        httpContext.Response.StatusCode = status;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            // No writer accepted the request's Accept header: answer in ProblemDetails all the same.
            await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json", cancellationToken);
        }

        return true;
    }
}

internal static partial class ErrorLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Unhandled exception in API request {TraceId}")]
    public static partial void UnhandledApiException(this ILogger logger, Exception ex, string traceId);
}
