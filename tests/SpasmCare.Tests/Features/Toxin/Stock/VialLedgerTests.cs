using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Data;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Stock;

public static class VialLedgerCases
{
    public static TheoryData<string, string> Refusals() => new()
    {
        { "sealed", "vial-not-reconstituted" },
        { "expired", "vial-expired" },
        { "past-use-before", "vial-use-before" },
        { "recalled", "vial-recalled" },
        { "too-much", "vial-not-enough" },
        { "other-site", "vial-other-site" },
        { "other-product", "vial-other-product" },
        { "zero", "vial-units" },
    };
}

/// <summary>The vial ledger at DbContext level: what it refuses, returns, pickers, and two nurses drawing at once.</summary>
public abstract class VialLedgerTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFactory.Start.UtcDateTime.AddHours(5.5));

    private DateTime Now => app.Time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Draw_TwoNursesAtOnceFromTenUnitsLeft_ExactlyOneSixUnitDrawIsSaved()
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var vialId = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, units: 10);
        var sessionA = await EmptySessionAsync(patientId, siteId, productId);
        var sessionB = await EmptySessionAsync(patientId, siteId, productId);
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var vialA = await dbA.ToxinVials.SingleAsync(v => v.Id == vialId);
        var vialB = await dbB.ToxinVials.SingleAsync(v => v.Id == vialId);

        // Both nurses see 10 U left and each draws 6 U; both saves race.
        VialLedger.Draw(dbA, vialA, 6, sessionA, patientId, Now, null);
        VialLedger.Draw(dbB, vialB, 6, sessionB, patientId, Now, null);
        var results = await Task.WhenAll(SaveAsync(dbA), SaveAsync(dbB));

        Assert.Equal(1, results.Count(saved => saved));
        var vial = await app.WithDbAsync(db => db.ToxinVials.AsNoTracking().SingleAsync(v => v.Id == vialId));
        Assert.Equal(6m, vial.UnitsDrawn);
        Assert.Equal(4m, vial.UnitsLeft);
        Assert.Equal(1, await app.WithDbAsync(db => db.ToxinVialEntries.CountAsync(e => e.VialId == vialId)));
    }

    [Fact]
    public async Task Draw_SecondNurseSavesAfterTheFirst_GetsAConcurrencyErrorAndSavesNothing()
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var vialId = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, units: 10);
        var session = await EmptySessionAsync(patientId, siteId, productId);
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var vialA = await dbA.ToxinVials.SingleAsync(v => v.Id == vialId);
        var vialB = await dbB.ToxinVials.SingleAsync(v => v.Id == vialId);
        VialLedger.Draw(dbA, vialA, 6, session, patientId, Now, null);
        VialLedger.Draw(dbB, vialB, 6, session, patientId, Now, null);

        await dbA.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());

        var vial = await app.WithDbAsync(db => db.ToxinVials.AsNoTracking().SingleAsync(v => v.Id == vialId));
        Assert.Equal(6m, vial.UnitsDrawn);
        Assert.Equal(1, await app.WithDbAsync(db => db.ToxinVialEntries.CountAsync(e => e.VialId == vialId)));
    }

    [Fact]
    public async Task Draw_Valid_AddsAnEntryAndFinishesAnEmptiedVial()
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var vialId = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, units: 10);
        var session = await EmptySessionAsync(patientId, siteId, productId);

        await app.WithDbAsync(async db =>
        {
            var vial = await db.ToxinVials.SingleAsync(v => v.Id == vialId);
            VialLedger.Draw(db, vial, 2.5m, session, patientId, Now, null);
            VialLedger.Draw(db, vial, 7.5m, session, patientId, Now, null);
            return await db.SaveChangesAsync();
        });

        var saved = await app.WithDbAsync(db => db.ToxinVials.AsNoTracking().SingleAsync(v => v.Id == vialId));
        Assert.Equal(10m, saved.UnitsDrawn);
        Assert.Equal(VialStatus.Finished, saved.Status);
        var entries = await app.WithDbAsync(db => db.ToxinVialEntries.Where(e => e.VialId == vialId).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(session, e.SessionId));
    }

    [Theory]
    [MemberData(nameof(VialLedgerCases.Refusals), MemberType = typeof(VialLedgerCases))]
    public async Task Draw_RefusedVial_ThrowsTheRuleAndChangesNothing(string kind, string code)
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var lot = StockPages.UniqueLot();
        var vialId = kind switch
        {
            "sealed" => await app.AddVialAsync(siteId, productId, lot, Today.AddDays(100)),
            "expired" => await app.AddVialAsync(siteId, productId, lot, Today.AddDays(-1), VialStatus.Reconstituted),
            "past-use-before" => await app.AddVialAsync(siteId, productId, lot, Today.AddDays(100), VialStatus.Reconstituted, useBeforeUtc: Now.AddMinutes(-1)),
            _ => await app.AddVialAsync(siteId, productId, lot, Today.AddDays(100), VialStatus.Reconstituted, units: 10),
        };
        if (kind == "recalled")
        {
            await app.RecallAsync(productId, lot);
        }

        var sessionSite = kind == "other-site" ? await app.CreateSiteAsync() : siteId;
        var sessionProduct = kind == "other-product" ? await app.ProductIdAsync("Xeomin") : productId;
        var session = await EmptySessionAsync(patientId, sessionSite, sessionProduct);
        var units = kind switch { "too-much" => 10.5m, "zero" => 0m, _ => 2m };

        var error = await app.WithDbAsync(async db =>
        {
            var vial = await db.ToxinVials.SingleAsync(v => v.Id == vialId);
            return Assert.Throws<RuleException>(() => VialLedger.Draw(db, vial, units, session, patientId, Now, null));
        });

        Assert.Equal(code, error.Code);
        Assert.Equal(0m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.UnitsDrawn).SingleAsync()));
    }

    [Fact]
    public async Task Return_GivesBackWhatTheSessionDrew_AndNoMore()
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var vialId = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, units: 10);
        var session = await app.SessionWithDrawAsync(patientId, siteId, vialId, 10);
        Assert.Equal(VialStatus.Finished, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.Status).SingleAsync()));

        var tooMuch = await app.WithDbAsync(async db =>
        {
            var vial = await db.ToxinVials.SingleAsync(v => v.Id == vialId);
            return Assert.Throws<RuleException>(() => VialLedger.Return(db, vial, 11, session, patientId, Now, null, "Corrected"));
        });
        await app.WithDbAsync(async db =>
        {
            var vial = await db.ToxinVials.SingleAsync(v => v.Id == vialId);
            VialLedger.Return(db, vial, 4, session, patientId, Now, null, "Corrected");
            return await db.SaveChangesAsync();
        });

        Assert.Equal("vial-return-too-much", tooMuch.Code);
        var saved = await app.WithDbAsync(db => db.ToxinVials.AsNoTracking().SingleAsync(v => v.Id == vialId));
        Assert.Equal(6m, saved.UnitsDrawn);
        Assert.Equal(VialStatus.Reconstituted, saved.Status);
        var back = await app.WithDbAsync(db => db.ToxinVialEntries.SingleAsync(e => e.VialId == vialId && e.Units < 0));
        Assert.Equal(-4m, back.Units);
        Assert.Equal(VialEntryKind.Draw, back.Kind);
    }

    [Fact]
    public async Task UsableAsync_OffersOnlyOpenInDateUnrecalledVialsWithUnitsLeftAtTheSite()
    {
        var (siteId, productId, patientId) = await SetupAsync();
        var good = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted);
        await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100));
        await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(-1), VialStatus.Reconstituted);
        await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, useBeforeUtc: Now.AddMinutes(-5));
        var recalledLot = StockPages.UniqueLot();
        await app.AddVialAsync(siteId, productId, recalledLot, Today.AddDays(100), VialStatus.Reconstituted);
        await app.RecallAsync(productId, recalledLot);
        var empty = await app.AddVialAsync(siteId, productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted, units: 5);
        await app.SessionWithDrawAsync(patientId, siteId, empty, 5);
        await app.AddVialAsync(await app.CreateSiteAsync(), productId, StockPages.UniqueLot(), Today.AddDays(100), VialStatus.Reconstituted);

        var usable = await app.WithDbAsync(db => VialLedger.UsableAsync(db, siteId, null, Now, CancellationToken.None));

        Assert.Equal([good], usable.Select(v => v.Id));
        Assert.Empty(await app.WithDbAsync(db => VialLedger.UsableAsync(db, siteId, Guid.NewGuid(), Now, CancellationToken.None)));
    }

    private async Task<(Guid Site, Guid Product, Guid Patient)> SetupAsync()
    {
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync("Botox");
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        return (siteId, productId, patientId);
    }

    private Task<Guid> EmptySessionAsync(Guid patientId, Guid siteId, Guid productId) =>
        app.WithDbAsync(async db =>
        {
            var session = new InjectionSession
            {
                PatientId = patientId, SiteId = siteId, ClinicianId = Guid.NewGuid(), ClinicianName = "Dr Test",
                InjectedAtUtc = Now, ProductId = productId,
            };
            db.InjectionSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    private static async Task<bool> SaveAsync(SpasmCareDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

public sealed class VialLedgerTestsOnSqlite(SqliteAppFactory app) : VialLedgerTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class VialLedgerTestsOnPostgres(PostgresAppFactory app) : VialLedgerTests<PostgresAppFactory>(app);
