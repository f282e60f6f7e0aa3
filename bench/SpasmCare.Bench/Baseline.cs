using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SpasmCare.Bench;

/// <summary>
/// The bare baseline: Kestrel with one endpoint that reads one patient row by primary key with plain ADO.NET
/// (pooled Microsoft.Data.Sqlite connection, same database file) and writes a tiny HTML page. No auth, no
/// EF Core, no Razor, no audit. Whatever the real app costs beyond this is the app's own overhead.
/// </summary>
internal sealed class Baseline : IAsyncDisposable
{
    public const string PathPrefix = "/baseline/patient/";

    private readonly WebApplication _app;

    private Baseline(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public static async Task<Baseline> StartAsync(string connectionString, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapGet(PathPrefix + "{id}", (string id, CancellationToken rct) => ReadAsync(connectionString, id, rct));
        await app.StartAsync(ct);
        return new Baseline(app) { Address = new Uri(app.Urls.First()) };
    }

    private static async Task<IResult> ReadAsync(string connectionString, string id, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "GivenName", "FamilyName", "Mrn" FROM "Patients" WHERE "Id" = $id""";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return Results.NotFound();
        }

        var html = new StringBuilder(256)
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Patient</title></head><body><h1>")
            .Append(WebUtility.HtmlEncode(reader.GetString(0))).Append(' ')
            .Append(WebUtility.HtmlEncode(reader.GetString(1)))
            .Append("</h1><p>MRN ").Append(WebUtility.HtmlEncode(reader.GetString(2)))
            .Append("</p></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
