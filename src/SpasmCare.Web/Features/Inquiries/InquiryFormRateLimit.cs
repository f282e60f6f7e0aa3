using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// Posts of the public form per client address (showing the form is not limited). Beyond the limit the visitor gets
/// a 429 with a short page in their language. The count is per instance: with several instances behind a balancer a
/// client gets that many posts per instance, which still stops a flood.
/// </summary>
public sealed class InquiryFormRateLimit(IOptions<InquiryOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "inquiry-form";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => WriteBusyPageAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            "post " + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.RateLimitPermits),
                Window = TimeSpan.FromMinutes(Math.Max(1, settings.RateLimitWindowMinutes)),
                QueueLimit = 0,
            });
    }

    private async ValueTask WriteBusyPageAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var lang = ContactLanguage.Parse(http.Request.Query["lang"]);
        var code = ContactLanguage.Code(lang);
        var minutes = Math.Max(1, options.Value.RateLimitWindowMinutes).ToString(CultureInfo.InvariantCulture);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.RetryAfter = (Math.Max(1, options.Value.RateLimitWindowMinutes) * 60).ToString(CultureInfo.InvariantCulture);
        var title = WebUtility.HtmlEncode(ContactText.BusyTitle.In(lang));
        var html =
            $"<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{title}</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main id=\"main\" class=\"public\">"
            + $"<div class=\"card narrow\"><h1>{title}</h1><p>{WebUtility.HtmlEncode(ContactText.BusyText.In(lang, minutes))}</p>"
            + $"<p><a href=\"/Contact?lang={code}\">{WebUtility.HtmlEncode(ContactText.BackToForm.In(lang))}</a></p></div></main></body></html>";
        await http.Response.WriteAsync(html, ct);
    }
}
