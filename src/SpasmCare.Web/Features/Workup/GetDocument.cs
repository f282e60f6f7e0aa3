namespace SpasmCare.Web.Features.Workup;

/// <summary>A patient's document for download: the row and its file, with the download audited.</summary>
public static class GetDocument
{
    public sealed record Found(PatientDocument Document, Stream Content);

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, DocumentStore store, ILogger<Handler> logger)
    {
        /// <returns>Null when the patient has no such document (another patient's id included) or its file is gone.</returns>
        public async Task<Found?> HandleAsync(Guid patientId, Guid id, CancellationToken ct)
        {
            var document = await db.PatientDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PatientId == patientId, ct);
            if (document is null)
            {
                return null;
            }

            if (store.OpenRead(id) is not { } content)
            {
                logger.DocumentFileMissing(id);
                return null;
            }

            audit.Read(AuditAction.DocumentDownloaded, patientId, UploadDocument.Subject, id.ToString());
            return new Found(document, content);
        }
    }
}
