namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// An uploaded file about a patient (an imaging report: PDF, JPEG or PNG). The bytes live outside the web root,
/// under the configured documents folder, named by <see cref="Id"/>; only this row knows the original name. The
/// content type is the one detected from the file's first bytes, never the one the browser claimed.
/// </summary>
public sealed class PatientDocument
{
    public const int FileNameMax = 255;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    [StringLength(FileNameMax)] public string FileName { get; init; } = "";
    [StringLength(100)] public string ContentType { get; init; } = "";
    public long SizeBytes { get; init; }
    [StringLength(64)] public string Sha256 { get; init; } = "";
    public DateTime UploadedAtUtc { get; init; }
    public Guid UploadedBy { get; init; }
    [StringLength(256)] public string UploadedByName { get; init; } = "";
}
