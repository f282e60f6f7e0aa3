namespace SpasmCare.Web.Features.Workup;

/// <summary>Where uploaded documents are kept and how large they may be (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// The folder for document files, outside the web root. Defaults to <c>data/documents</c> beside the app (next to
    /// the SQLite file). Several web instances must share it (a network volume). Created on first upload.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The largest file accepted, in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The limit shown to people, such as "10 MB".</summary>
    public string MaxSizeText => WorkupLabels.Size(MaxBytes);
}
