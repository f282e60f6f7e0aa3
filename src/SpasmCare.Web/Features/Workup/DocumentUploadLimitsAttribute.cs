using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// The request size limit of a document upload page, from <see cref="DocumentOptions.MaxBytes"/>: the body may be
/// the largest allowed file plus a little room for the other form fields. Runs before antiforgery (which reads the
/// form), like <see cref="RequestSizeLimitAttribute"/>. A body over the limit is not read: the person is sent back
/// to the form with <c>?refused=too-large</c>, and the refusal is audited.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class DocumentUploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the multipart boundaries, headers and the small fields beside the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public const string TooLarge = "too-large";

    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes + FormOverheadBytes);

    private sealed class Filter(long limit) : IAsyncAuthorizationFilter, IOrderedFilter
    {
        public int Order => 900;

        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
                {
                    MultipartBodyLengthLimit = limit,
                    BufferBodyLengthLimit = limit,
                    ValueCountLimit = 50,
                }));
            }

            var tooLarge = http.Request.ContentLength > limit;
            if (!tooLarge && http.Request.HasFormContentType)
            {
                try
                {
                    await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
                {
                    tooLarge = true;
                }
            }

            if (!tooLarge)
            {
                return;
            }

            if (Guid.TryParse(http.GetRouteValue("patientId")?.ToString(), out var patientId))
            {
                var services = http.RequestServices;
                await UploadDocument.RecordRefusalAsync(services.GetRequiredService<SpasmCareDbContext>(),
                    services.GetRequiredService<AuditLog>(), services.GetRequiredService<ILogger<DocumentUploadLimitsAttribute>>(),
                    patientId, TooLarge, StatusCodes.Status413PayloadTooLarge, http.RequestAborted);
            }

            context.Result = new LocalRedirectResult($"{http.Request.PathBase}{http.Request.Path}?refused={TooLarge}");
        }
    }
}
