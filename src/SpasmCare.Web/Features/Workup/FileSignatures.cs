namespace SpasmCare.Web.Features.Workup;

/// <summary>A file type that may be uploaded as a report, as recognised from the file's first bytes.</summary>
public sealed record AllowedFileType(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Tells what a file is from its first bytes ("magic numbers"), never from its name or from the type the browser
/// claimed. Only PDF, JPEG and PNG are allowed; programs and scripts are named so the refusal can say so.
/// </summary>
public static class FileSignatures
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to decide.</summary>
    public const int HeaderLength = 8;

    public static readonly AllowedFileType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AllowedFileType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AllowedFileType Png = new("PNG", "image/png", [".png"]);

    public static IReadOnlyList<AllowedFileType> Allowed { get; } = [Pdf, Jpeg, Png];

    /// <summary>The allowed type these bytes start with, or null.</summary>
    public static AllowedFileType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        return header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png : null;
    }

    /// <summary>Whether the bytes start like a program or script (Windows "MZ", Linux ELF, "#!"), for a plainer refusal.</summary>
    public static bool LooksExecutable(ReadOnlySpan<byte> header) =>
        header.StartsWith("MZ"u8) || header.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) || header.StartsWith("#!"u8);

    /// <summary>
    /// A file name safe to store and to send back in <c>Content-Disposition</c>: no folders, no control or reserved
    /// characters, at most <paramref name="maxLength"/> characters with the extension kept.
    /// </summary>
    public static string SafeFileName(string? name, AllowedFileType type, int maxLength = 120)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var cleaned = new string(last.Select(c => char.IsControl(c) || "\"<>:|?*;,%".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var extension = System.IO.Path.GetExtension(cleaned);
        if (!type.Extensions.Contains(extension.ToLowerInvariant()))
        {
            extension = type.Extensions[0];
            cleaned += extension;
        }

        var stem = cleaned[..^extension.Length].TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = "report";
        }

        if (stem.Length + extension.Length > maxLength)
        {
            stem = stem[..(maxLength - extension.Length)].TrimEnd('.', ' ');
        }

        return stem + extension;
    }
}
