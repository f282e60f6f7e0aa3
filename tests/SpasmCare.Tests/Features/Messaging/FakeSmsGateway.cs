using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>
/// A generic HTTP SMS gateway for tests (Kestrel on a loopback port): takes <c>POST /v1/messages</c> with a JSON
/// body {to, from, text} and answers as told: accepted with an id, 503 (down), 400 (refused) or slower than the
/// client waits.
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    public const string ApiKey = "test-gateway-key";

    public enum Mode
    {
        Up,
        Down,
        Refuse,
        Slow,
    }

    public sealed record Received(string To, string From, string Text, string? ApiKey);

    private readonly ConcurrentQueue<Received> _received = new();
    private readonly WebApplication _app;
    private int _ids;

    public FakeSmsGateway()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/messages", (Func<HttpContext, Task<IResult>>)HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address.TrimEnd('/') + "/v1/messages";
    }

    public string Url { get; }

    public Mode Answer { get; set; } = Mode.Up;

    public IReadOnlyCollection<Received> Messages => _received.ToArray();

    public IReadOnlyList<Received> To(string e164) => _received.Where(r => r.To == e164).ToList();

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        switch (Answer)
        {
            case Mode.Down:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case Mode.Refuse:
                return Results.BadRequest(new { error = "invalid number" });
            case Mode.Slow:
                await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                break;
        }

        using var json = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var root = json.RootElement;
        _received.Enqueue(new Received(root.GetProperty("to").GetString()!, root.GetProperty("from").GetString()!,
            root.GetProperty("text").GetString()!, http.Request.Headers["X-Api-Key"].FirstOrDefault()));
        return Results.Ok(new { id = "gw-" + Interlocked.Increment(ref _ids), status = "queued" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
