using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>The HTTP SMS adapter against a fake gateway on a loopback port: sent, refused for good, worth a retry.</summary>
public sealed class HttpSmsSenderTests : IAsyncLifetime
{
    private readonly FakeSmsGateway _gateway = new();
    private ServiceProvider _services = null!;

    public ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddHttpClient(HttpSmsSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(1));
        _services = services.BuildServiceProvider();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Send_GatewayAccepts_ReturnsItsIdAndPostsNumberSenderTextAndKey()
    {
        var id = await Sender().SendAsync("+919820012345", "नमस्ते: reminder", CancellationToken.None);

        Assert.StartsWith("gw-", id, StringComparison.Ordinal);
        var received = Assert.Single(_gateway.Messages);
        Assert.Equal(new FakeSmsGateway.Received("+919820012345", "SPCARE", "नमस्ते: reminder", FakeSmsGateway.ApiKey), received);
    }

    [Fact]
    public async Task Send_GatewayRefusesOrIsDownOrSlow_PermanentOnlyForTheRefusal()
    {
        _gateway.Answer = FakeSmsGateway.Mode.Refuse;
        var refused = await Assert.ThrowsAsync<SmsSendException>(() => Sender().SendAsync("+919820012345", "x", CancellationToken.None));
        _gateway.Answer = FakeSmsGateway.Mode.Down;
        var down = await Assert.ThrowsAsync<SmsSendException>(() => Sender().SendAsync("+919820012345", "x", CancellationToken.None));
        _gateway.Answer = FakeSmsGateway.Mode.Slow;
        var slow = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender().SendAsync("+919820012345", "x", CancellationToken.None));

        Assert.True(refused.Permanent);
        Assert.Equal("Sms Http 400", SmsNumbers.Describe(refused));
        Assert.False(down.Permanent);
        Assert.Equal("Sms Http 503", SmsNumbers.Describe(down));
        Assert.Equal("Sms timeout", SmsNumbers.Describe(slow));
        Assert.Empty(_gateway.Messages);
    }

    [Fact]
    public async Task FileProvider_WritesEachSmsAsAFileNamedByItsId()
    {
        var folder = Path.Combine(Path.GetTempPath(), "spasmcare-tests", "sms-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var sender = new FileSmsSender(Options.Create(new SmsOptions { Directory = folder, SenderId = "SPCARE" }),
                new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 4, 30, 0, TimeSpan.Zero)));

            var id = await sender.SendAsync("+919820012345", "नमस्ते\nSTOP", CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal($"20261124-043000-{id}.txt", Path.GetFileName(file));
            Assert.Equal($"To: +919820012345\nFrom: SPCARE\nId: {id}\n\nनमस्ते\nSTOP\n", await File.ReadAllTextAsync(file));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private HttpSmsSender Sender() => new(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(new SmsOptions
    {
        Provider = SmsProvider.Http,
        SenderId = "SPCARE",
        Http = new HttpSmsOptions { BaseUrl = _gateway.Url, ApiKey = FakeSmsGateway.ApiKey },
    }));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gateway.DisposeAsync();
    }
}
