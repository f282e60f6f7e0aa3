using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>
/// The app with a real SMTP server of its own on loopback (running unless a test stops it), a pickup folder of its
/// own, and clients that can say which address they post from (for the per-client limit).
/// </summary>
public abstract class InquiryAppFactory(DatabaseProvider provider, bool useSmtp = true) : AppFactory(provider)
{
    public const int RateLimitPermits = 5;
    public const string FrontDesk = "frontdesk@clinic.example";

    public SmtpTestServer Smtp { get; } = StartedSmtp();

    public string PickupDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "spasmcare-tests", "mail-" + Guid.NewGuid().ToString("N")[..12]);

    private static SmtpTestServer StartedSmtp()
    {
        var server = new SmtpTestServer();
        server.Start();
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Inquiries:FrontDeskEmail", FrontDesk);
        builder.UseSetting("Inquiries:RateLimitPermits", RateLimitPermits.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Inquiries:RateLimitWindowMinutes", "10");
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
        if (useSmtp)
        {
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
            builder.UseSetting("Mail:Smtp:TimeoutSeconds", "10");
        }

        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>An anonymous visitor from an address of their own.</summary>
    public HttpClient CreateVisitor(string? address = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address ?? TestClientAddress.Random());
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteInquiryAppFactory() : InquiryAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresInquiryAppFactory() : InquiryAppFactory(DatabaseProvider.Postgres);

/// <summary>The default configuration: no SMTP server, so mail is written to the pickup folder.</summary>
public sealed class SqlitePickupAppFactory() : InquiryAppFactory(DatabaseProvider.Sqlite, useSmtp: false);

public sealed class PostgresPickupAppFactory() : InquiryAppFactory(DatabaseProvider.Postgres, useSmtp: false);
