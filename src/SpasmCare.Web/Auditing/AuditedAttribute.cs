namespace SpasmCare.Web.Auditing;

/// <summary>
/// Declares that an endpoint or page handler touches patient data and what it does. The audit filters make sure
/// every such request leaves at least one audit row, with its outcome, before the response is written.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class AuditedAttribute(AuditAction action, string subjectType = "Patient") : Attribute
{
    public AuditAction Action { get; } = action;
    public string SubjectType { get; } = subjectType;
}

/// <summary>Declares, with a reason, that an endpoint or page handler in an audited area reads no patient data.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

public static class AuditEndpointExtensions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditAction action, string subjectType = "Patient")
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AuditedAttribute(action, subjectType));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var audited = new AuditedAttribute(action, subjectType);
            try
            {
                var result = await next(context);
                var status = StatusOf(result);
                await AuditFlush.FlushAsync(context.HttpContext, audited, status);
                return result;
            }
            catch (Exception ex) when (ex is not AuditUnavailableException)
            {
                await AuditFlush.FlushAsync(context.HttpContext, audited, AppExceptionStatus.Of(ex));
                throw;
            }
        });
        return builder;
    }

    private static int StatusOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
    }

    public static TBuilder NotAudited<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotAuditedAttribute(reason));
}
