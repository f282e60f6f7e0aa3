namespace SpasmCare.Web.Errors;

/// <summary>
/// A business rule refused the request ("possible duplicate", "stale version"). Mapped once per surface:
/// ProblemDetails 409/422 with a <c>code</c> on the API, a model-state error on pages.
/// </summary>
public sealed class RuleException(string code, string message, string? field = null, int statusCode = 409)
    : Exception(message)
{
    public string Code { get; } = code;
    public string? Field { get; } = field;
    public int StatusCode { get; } = statusCode;
}
