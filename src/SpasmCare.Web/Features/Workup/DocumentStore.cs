using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Workup;

/// <summary>
/// The files behind <see cref="PatientDocument"/> rows: one file per document, named by its id only (no part of
/// the path comes from the user), in the configured folder outside the web root. Files are written under a
/// temporary name, flushed to disk and then renamed, so a reader never sees half a file.
/// </summary>
public sealed class DocumentStore(IOptions<DocumentOptions> options)
{
    private static readonly UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string Root => options.Value.Path ?? throw new InvalidOperationException("Documents:Path is not set.");

    /// <summary>Copies <paramref name="content"/> to the document's file.</summary>
    /// <returns>The number of bytes written and their SHA-256 (lower-case hex).</returns>
    public async Task<(long Size, string Sha256)> SaveAsync(Guid id, Stream content, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Root);
        }
        else
        {
            Directory.CreateDirectory(Root, OwnerOnlyFolder);
        }

        var final = PathOf(id);
        var temp = Path.Combine(Root, $"{id:D}.{Guid.NewGuid():N}.tmp");
        try
        {
            long size;
            string sha256;
            var create = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = OwnerOnlyFile;
            }

            await using (var file = new FileStream(temp, create))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    size += read;
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            File.Move(temp, final, overwrite: false);
            return (size, sha256);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The document's file for reading, or null when it is missing.</summary>
    public FileStream? OpenRead(Guid id)
    {
        var path = PathOf(id);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
    }

    /// <summary>Removes a file whose row could not be saved. Rows that were saved are never deleted.</summary>
    public void DeleteUnsaved(Guid id) => File.Delete(PathOf(id));

    public string PathOf(Guid id) => Path.Combine(Root, id.ToString("D"));
}
