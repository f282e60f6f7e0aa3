using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Auditing;

internal static class AppExceptionStatus
{
    public static int Of(Exception ex) => ex switch
    {
        RuleException rule => rule.StatusCode,
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        BadHttpRequestException bad => bad.StatusCode,
        AuditUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
