using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Workup.Documents;

/// <summary>
/// Sends a patient's document as an attachment, with the type detected at upload (never sniffed by the browser).
/// Unknown ids and documents of another patient are 404.
/// </summary>
public sealed class DownloadModel(GetDocument.Handler handler, AuditLog audit) : PageModel
{
    [Audited(AuditAction.DocumentDownloaded, UploadDocument.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (await handler.HandleAsync(patientId, id, ct) is not { } found)
        {
            audit.Attempt(AuditAction.DocumentDownloaded, patientId, UploadDocument.Subject, id);
            return NotFound();
        }

        Response.RegisterForDisposeAsync(found.Content);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(found.Content, found.Document.ContentType, found.Document.FileName);
    }
}
