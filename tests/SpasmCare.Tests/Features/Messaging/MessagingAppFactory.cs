using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>
/// The app with SMS through the HTTP adapter to a <see cref="FakeSmsGateway"/>, the STOP webhook's secret set, mail
/// into a temporary folder, and no background outbox worker: tests deliver with <see cref="OutboxDelivery"/> when
/// they choose, after moving the fake clock.
/// </summary>
public abstract class MessagingAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const string InboundSecret = "inbound-secret-for-tests-0123456789";

    public FakeSmsGateway Gateway { get; } = new();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "spasmcare-tests", "mail-" + Guid.NewGuid().ToString("N")[..12]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Sms:Provider", "Http");
        builder.UseSetting("Sms:Http:BaseUrl", Gateway.Url);
        builder.UseSetting("Sms:Http:ApiKey", FakeSmsGateway.ApiKey);
        builder.UseSetting("Sms:Http:TimeoutSeconds", "2");
        builder.UseSetting("Sms:SenderId", "SPCARE");
        builder.UseSetting("Sms:InboundSecret", InboundSecret);
        builder.UseSetting("Mail:Outbox:FirstRetrySeconds", "30");
        builder.ConfigureTestServices(services =>
        {
            var worker = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxWorker));
            services.Remove(worker);
        });
    }

    /// <summary>Sends whatever is due now (as the worker would).</summary>
    public Task<int> DeliverAsync() => Services.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteMessagingAppFactory() : MessagingAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresMessagingAppFactory() : MessagingAppFactory(DatabaseProvider.Postgres);
