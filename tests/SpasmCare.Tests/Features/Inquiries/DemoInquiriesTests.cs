using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Triage;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>The demo database has inquiries in every status and with every suggestion, and queues no mail.</summary>
public abstract class DemoInquiriesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : DemoInquiryAppFactory
{
    [Fact]
    public async Task DemoSeed_FirstStart_HasInquiriesInEveryStatusWithEverySuggestionAndNoMail()
    {
        var inquiries = await app.WithDbAsync(db => db.Inquiries.AsNoTracking().ToListAsync());

        Assert.Equal(Enum.GetValues<InquiryStatus>().Order(), inquiries.Select(i => i.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<TriageOutcome>().Order(),
            inquiries.Select(i => InquiryTriage.Suggest(i.Answers).Outcome).Distinct().Order());
        Assert.Contains(inquiries, i => i.PatientId is not null);
        Assert.Contains(inquiries, i => i.Name.Any(c => c is >= '\u0900' and <= '\u097F'));
        Assert.Equal(inquiries.Select(i => i.ReceivedAtUtc).Order(), inquiries.OrderBy(i => i.Reference, StringComparer.Ordinal).Select(i => i.ReceivedAtUtc));
        // The demo calendar's reminders wait in the outbox; nothing about the inquiries does.
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InquiryId != null || m.Kind != "appointment-reminder")));
    }
}

public abstract class DemoInquiryAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    protected override bool SeedDemo => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Patients", "60");
    }
}

public sealed class SqliteDemoInquiryAppFactory() : DemoInquiryAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresDemoInquiryAppFactory() : DemoInquiryAppFactory(DatabaseProvider.Postgres);

public sealed class DemoInquiriesTestsOnSqlite(SqliteDemoInquiryAppFactory app) : DemoInquiriesTests<SqliteDemoInquiryAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class DemoInquiriesTestsOnPostgres(PostgresDemoInquiryAppFactory app) : DemoInquiriesTests<PostgresDemoInquiryAppFactory>(app);
