using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// The report of an imaging study, uploaded as a PDF, JPEG or PNG. The type is read from the file's first bytes;
/// the name's extension must agree with it; the browser's claimed type is ignored. The file is written first (under
/// a temporary name, then renamed), then the row, the link from the study and the audit row are saved together. A
/// refusal saves nothing but its audit row.
/// </summary>
public static class UploadDocument
{
    public const string Subject = "PatientDocument";

    public sealed class Request
    {
        [Display(Name = "Report file")]
        public IFormFile? File { get; set; }

        /// <summary>The version of the imaging study the person looked at.</summary>
        public Guid Version { get; set; }
    }

    /// <summary>Why a file was refused: a short code for the audit row and a sentence for the person.</summary>
    public sealed record Refusal(string Code, string Message);

    public sealed record Result(PatientDocument? Document, Refusal? Refused, EditConflict? Conflict)
    {
        public bool NotFound => Document is null && Refused is null && Conflict is null;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, DocumentStore store,
        IOptions<DocumentOptions> options, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Guid patientId, Guid imagingId, Request request, CancellationToken ct)
        {
            var study = await db.ImagingStudies.FirstOrDefaultAsync(s => s.Id == imagingId && s.PatientId == patientId, ct);
            if (study is null)
            {
                return new Result(null, null, null);
            }

            if (study.EnteredInError)
            {
                return await RefuseAsync(patientId, new("entered-in-error",
                    "This study was marked as entered in error; a report can no longer be added to it."), StatusCodes.Status409Conflict, ct);
            }

            if (study.Version != request.Version)
            {
                logger.EditConflict(RecordImaging.Subject, imagingId, patientId);
                audit.Record(AuditAction.DocumentRejected, Subject, null, patientId, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                return new Result(null, null, await EditConflict.ExplainAsync(db, study, [], [], ct));
            }

            var file = request.File;
            if (Check(file) is { } refusal)
            {
                return await RefuseAsync(patientId, refusal, StatusCodes.Status422UnprocessableEntity, ct);
            }

            var header = new byte[FileSignatures.HeaderLength];
            int headerLength;
            await using (var peek = file!.OpenReadStream())
            {
                headerLength = await peek.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            }

            var type = FileSignatures.Detect(header.AsSpan(0, headerLength));
            if (type is null)
            {
                return await RefuseAsync(patientId, FileSignatures.LooksExecutable(header.AsSpan(0, headerLength))
                    ? new("executable", "This file is a program or script, not a report. Only PDF, JPEG and PNG files can be uploaded; nothing was saved.")
                    : new("type", "This file is not a PDF, JPEG or PNG (its content does not match any of them). Nothing was saved."),
                    StatusCodes.Status415UnsupportedMediaType, ct);
            }

            var extension = Path.GetExtension(NameOnly(file.FileName)).ToLowerInvariant();
            if (extension.Length > 0 && !type.Extensions.Contains(extension))
            {
                return await RefuseAsync(patientId, new("extension",
                    $"The file's name ends in {extension}, but its content is a {type.Name}. Upload {type.Name} files with a name ending in {string.Join(" or ", type.Extensions)}; nothing was saved."),
                    StatusCodes.Status415UnsupportedMediaType, ct);
            }

            var document = await StoreAsync(patientId, study, file, type, ct);
            return document is null
                ? new Result(null, null, await EditConflict.ExplainAsync(db, await db.ImagingStudies.AsNoTracking().FirstAsync(s => s.Id == imagingId, ct), [], [], ct))
                : new Result(document, null, null);
        }

        private Refusal? Check(IFormFile? file)
        {
            if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            {
                return new("missing", "Choose the report file to upload.");
            }

            if (file.Length == 0)
            {
                return new("empty", "The file is empty (0 bytes). Choose the report file again; nothing was saved.");
            }

            var max = options.Value.MaxBytes;
            return file.Length > max
                ? new("too-large", $"The file is {WorkupLabels.Size(file.Length)}; the limit is {WorkupLabels.Size(max)}. Nothing was saved. Scan at a lower resolution or upload a PDF.")
                : null;
        }

        /// <returns>The saved document, or null when the study changed while the file was being written.</returns>
        private async Task<PatientDocument?> StoreAsync(Guid patientId, ImagingStudy study, IFormFile file, AllowedFileType type, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            long size;
            string sha256;
            await using (var content = file.OpenReadStream())
            {
                (size, sha256) = await store.SaveAsync(id, content, ct);
            }

            var document = new PatientDocument
            {
                Id = id,
                PatientId = patientId,
                FileName = FileSignatures.SafeFileName(file.FileName, type),
                ContentType = type.ContentType,
                SizeBytes = size,
                Sha256 = sha256,
                UploadedAtUtc = Clock.UtcNow(time),
                UploadedBy = user.UserId ?? Guid.Empty,
                UploadedByName = user.Name,
            };
            db.PatientDocuments.Add(document);
            study.ReportDocumentId = id;
            audit.Record(AuditAction.DocumentUploaded, Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                store.DeleteUnsaved(id);
                db.ChangeTracker.Clear();
                logger.EditConflict(RecordImaging.Subject, study.Id, patientId);
                audit.Record(AuditAction.DocumentRejected, Subject, null, patientId, AuditOutcome.Failed,
                    StatusCodes.Status409Conflict, "stale version");
                await db.SaveChangesAsync(ct);
                return null;
            }
            catch
            {
                store.DeleteUnsaved(id);
                throw;
            }

            logger.DocumentUploaded(id, size, patientId);
            return document;
        }

        private async Task<Result> RefuseAsync(Guid patientId, Refusal refusal, int status, CancellationToken ct)
        {
            await RecordRefusalAsync(db, audit, logger, patientId, refusal.Code, status, ct);
            return new Result(null, refusal, null);
        }
    }

    /// <summary>The audit row of a refused upload; nothing else is saved.</summary>
    public static async Task RecordRefusalAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, Guid patientId,
        string code, int status, CancellationToken ct)
    {
        logger.DocumentRejected(patientId, code);
        audit.Record(AuditAction.DocumentRejected, Subject, null, patientId, AuditOutcome.Failed, status, code);
        await db.SaveChangesAsync(ct);
    }

    private static string NameOnly(string? name)
    {
        var path = (name ?? "").Replace('\\', '/');
        return path[(path.LastIndexOf('/') + 1)..];
    }
}
