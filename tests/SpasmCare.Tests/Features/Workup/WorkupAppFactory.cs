using Microsoft.AspNetCore.Hosting;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Workup;

/// <summary>The app with a documents folder of its own (deleted afterwards) and a small upload limit.</summary>
public abstract class WorkupAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const long MaxBytes = 200 * 1024;

    public string DocumentsPath { get; } =
        Path.Combine(Path.GetTempPath(), "spasmcare-tests", "documents-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The files in the documents folder (none until the first upload creates it).</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(DocumentsPath) ? Directory.GetFiles(DocumentsPath) : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Documents:Path", DocumentsPath);
        builder.UseSetting("Documents:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DocumentsPath))
        {
            Directory.Delete(DocumentsPath, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWorkupAppFactory() : WorkupAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresWorkupAppFactory() : WorkupAppFactory(DatabaseProvider.Postgres);
