using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Stock;

/// <summary>Receiving, reconstituting, wasting and discarding vials, and the per-site stock page.</summary>
public abstract class StockPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(AppFactory.Start.UtcDateTime.AddHours(5.5));

    [Fact]
    public async Task Startup_SeedsTheThreeMainProducts()
    {
        var products = await app.WithDbAsync(db => db.ToxinProducts.AsNoTracking().ToListAsync());

        var dysport = Assert.Single(products, p => p.Name == "Dysport");
        Assert.Equal(ToxinSubstance.AbobotulinumtoxinA, dysport.Substance);
        Assert.Equal(2.5m, dysport.ReferenceRatioLow);
        Assert.Equal(3m, dysport.ReferenceRatioHigh);
        Assert.False(Assert.Single(products, p => p.Name == "Xeomin").HasComplexingProteins);
        Assert.Equal(ToxinSubstance.OnabotulinumtoxinA, Assert.Single(products, p => p.Name == "Botox").Substance);
    }

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.Doctor)]
    public async Task Receive_FiveVialsOfOneLot_MakesFiveSealedVialsAndAuditsEach(string role)
    {
        var client = app.CreateClient(role);
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();

        var response = await client.PostFormAsync($"/Toxin/Stock/Receive?siteId={siteId}",
            StockPages.ReceiveFields(siteId, productId, " " + lot.ToLowerInvariant() + " ", count: 5));

        Assert.Equal($"/Toxin/Stock?siteId={siteId}", Redirects.LocationOf(response));
        var vials = await app.WithDbAsync(db => db.ToxinVials.Where(v => v.SiteId == siteId).ToListAsync());
        Assert.Equal(5, vials.Count);
        Assert.All(vials, v =>
        {
            Assert.Equal(lot, v.LotNumber);
            Assert.Equal(new DateOnly(2027, 6, 30), v.ExpiryDate);
            Assert.Equal(100m, v.UnitsPerVial);
            Assert.Equal(VialStatus.InStock, v.Status);
            Assert.Equal(100m, v.UnitsLeft);
        });
        var ids = vials.Select(v => v.Id.ToString()).ToList();
        var audits = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.ToxinVialReceived && ids.Contains(e.SubjectId!)).ToListAsync());
        Assert.Equal(5, audits.Count);
        Assert.All(audits, a => Assert.Equal(AuditOutcome.Succeeded, a.Outcome));
    }

    [Theory]
    [InlineData("LotNumber", "", "Enter the lot (batch) number printed on the carton.")]
    [InlineData("LotNumber", "<script>", "Enter the lot number as printed")]
    [InlineData("ExpiryDate", "", "Enter the expiry date printed on the carton.")]
    [InlineData("ExpiryDate", "2026-11-23", "expired vials cannot be received")]
    [InlineData("Count", "0", "Enter a number of vials from 1 to 100.")]
    [InlineData("Count", "101", "Enter a number of vials from 1 to 100.")]
    [InlineData("UnitsPerVial", "300", "Botox comes in vials of 50, 100, 200 units.")]
    [InlineData("ProductId", "", "Choose the product.")]
    public async Task Receive_BadInput_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var fields = StockPages.ReceiveFields(siteId, await app.ProductIdAsync("Botox"), "KEEPME1", count: 3);
        fields["Input." + field] = value;

        var response = await client.PostFormAsync("/Toxin/Stock/Receive", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (field != "LotNumber")
        {
            Assert.Equal("KEEPME1", PageHtml.ValueOf(await response.Content.ReadAsStringAsync(), "Input.LotNumber"));
        }

        Assert.False(await app.WithDbAsync(db => db.ToxinVials.AnyAsync(v => v.SiteId == siteId)));
    }

    [Fact]
    public async Task Receive_RecalledLot_IsRefused()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();
        await app.RecallAsync(productId, lot);

        var response = await client.PostFormAsync("/Toxin/Stock/Receive", StockPages.ReceiveFields(siteId, productId, lot));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WorkupPages.AssertErrorBeside(await response.HtmlAsync(), "Input.LotNumber", $"Lot {lot} of Botox has been recalled");
        Assert.False(await app.WithDbAsync(db => db.ToxinVials.AnyAsync(v => v.SiteId == siteId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinVialReceived && e.Outcome == AuditOutcome.Failed)));
    }

    [Fact]
    public async Task Index_ShowsStockPerSiteWithLowStockExpiryAndRecallAlerts_AndKeepsTheSite()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var otherSite = await app.CreateSiteAsync();
        var botox = await app.ProductIdAsync("Botox");
        var xeomin = await app.ProductIdAsync("Xeomin");
        var soon = StockPages.UniqueLot();
        var fine = StockPages.UniqueLot();
        var recalled = StockPages.UniqueLot();
        var expired = StockPages.UniqueLot();
        var elsewhere = StockPages.UniqueLot();
        await app.ReceiveAsync(client, siteId, botox, soon, Today.AddDays(20).ToString("yyyy-MM-dd"));
        await app.ReceiveAsync(client, siteId, xeomin, fine, count: 3);
        await app.ReceiveAsync(client, siteId, xeomin, recalled);
        await app.RecallAsync(xeomin, recalled);
        await app.AddVialAsync(siteId, botox, expired, Today.AddDays(-1));
        await app.ReceiveAsync(client, otherSite, botox, elsewhere);

        var response = await app.CreateClient(Roles.Nurse).GetAsync($"/Toxin/Stock?siteId={siteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        var html = PageHtml.TextOf(raw);
        Assert.Contains($"Botox lot {soon} expires in 20 days", html, StringComparison.Ordinal);
        Assert.Contains("Low stock: 1 vial of Botox left (alert below 2).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Low stock: 3 vials of Xeomin", html, StringComparison.Ordinal);
        Assert.Contains($"Xeomin lot {recalled} has been recalled", html, StringComparison.Ordinal);
        Assert.Contains($"Botox lot {expired} expired on", html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, html, StringComparison.Ordinal);
        Assert.Contains($"option value=\"{siteId}\" selected=\"selected\"", raw, StringComparison.Ordinal);
        Assert.Contains($"/Toxin/Stock/Receive?siteId={siteId}", raw, StringComparison.Ordinal);
        var rows = PageHtml.TableRows(raw);
        Assert.Contains(rows, r => r[0].StartsWith("Xeomin", StringComparison.Ordinal) && r[1] == "3");
    }

    [Fact]
    public async Task Index_WithoutSite_ShowsTheUsersFirstSiteAndUnknownSiteIsNotFound()
    {
        var client = app.CreateClient(Roles.Doctor);
        await app.CreateSiteAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Toxin/Stock")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Toxin/Stock?siteId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Reconstitute_Valid_StoresSalineConcentrationTimeAndUseBefore_AndAudits()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var vialId = (await app.ReceiveAsync(client, siteId, await app.ProductIdAsync("Botox"), StockPages.UniqueLot()))[0];
        var page = await client.GetStringAsync($"/Toxin/Stock/Reconstitute/{vialId}");
        Assert.Equal("10:00", PageHtml.ValueOf(page, "Input.Time"));
        Assert.Contains("2.5 U per 0.1 mL", page, StringComparison.Ordinal);

        var response = await client.ReconstituteAsync(vialId, "2.5", f => f["Input.Time"] = "09:15");

        Assert.Equal($"/Toxin/Stock/Vial/{vialId}", Redirects.LocationOf(response));
        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == vialId));
        Assert.Equal(VialStatus.Reconstituted, vial.Status);
        Assert.Equal(2.5m, vial.SalineMl);
        Assert.Equal(new DateTime(2026, 11, 24, 3, 45, 0, DateTimeKind.Utc), vial.ReconstitutedAtUtc);
        Assert.Equal(new DateTime(2026, 11, 25, 3, 45, 0, DateTimeKind.Utc), vial.UseBeforeUtc);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.Nurse), vial.ReconstitutedBy);
        Assert.Equal(4m, ReconstituteVial.Concentration(vial.UnitsPerVial, vial.SalineMl!.Value));
        var details = PageHtml.TextOf(await client.GetStringAsync($"/Toxin/Stock/Vial/{vialId}"));
        Assert.Contains("4 U per 0.1 mL", details, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.ToxinVialReconstituted && e.SubjectId == vialId.ToString() && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Theory]
    [InlineData("Input.SalineMl", "0.2", "Enter a saline volume from 0.5 to 10 mL.")]
    [InlineData("Input.SalineMl", "11", "Enter a saline volume from 0.5 to 10 mL.")]
    [InlineData("Input.SalineMl", "", "Enter the volume of saline added.")]
    [InlineData("Input.Time", "", "Enter the time of reconstitution.")]
    [InlineData("Input.Date", "2026-11-25", "The time of reconstitution cannot be in the future.")]
    [InlineData("Input.Date", "2026-11-01", "more than a week ago")]
    public async Task Reconstitute_BadInput_ShowsTheMessageAndChangesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var vialId = (await app.ReceiveAsync(client, siteId, await app.ProductIdAsync("Botox"), StockPages.UniqueLot()))[0];

        var response = await client.ReconstituteAsync(vialId, "4", f => f[field] = value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == vialId));
        Assert.Equal(VialStatus.InStock, vial.Status);
        Assert.Null(vial.SalineMl);
    }

    [Fact]
    public async Task Reconstitute_ExpiredVial_IsRefusedOnThePageAndOnPost()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var vialId = await app.AddVialAsync(siteId, await app.ProductIdAsync("Botox"), StockPages.UniqueLot(), Today.AddDays(-1));
        var url = $"/Toxin/Stock/Reconstitute/{vialId}";

        var page = await client.GetStringAsync(url);
        var token = FormPost.TokenOf(await client.GetStringAsync("/Toxin/Stock/Receive"));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SalineMl"] = "4", ["Input.Date"] = "2026-11-24", ["Input.Time"] = "09:00",
            ["Input.Version"] = await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.Version.ToString()).SingleAsync()),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("This vial cannot be reconstituted", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.SalineMl\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not reconstitute it", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(VialStatus.InStock, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.ToxinVialReconstituted && e.SubjectId == vialId.ToString() && e.Outcome == AuditOutcome.Failed)));
    }

    [Fact]
    public async Task Reconstitute_RecalledVial_IsRefused()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();
        var vialId = (await app.ReceiveAsync(client, siteId, productId, lot))[0];
        var page = await client.GetStringAsync($"/Toxin/Stock/Reconstitute/{vialId}");
        await app.RecallAsync(productId, lot);

        var token = FormPost.TokenOf(page);
        var response = await client.PostAsync($"/Toxin/Stock/Reconstitute/{vialId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SalineMl"] = "4", ["Input.Date"] = "2026-11-24", ["Input.Time"] = "09:00",
            ["Input.Version"] = PageHtml.ValueOf(page, "Input.Version"), ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Lot {lot} has been recalled", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(VialStatus.InStock, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.Status).SingleAsync()));
    }

    [Fact]
    public async Task Reconstitute_TwiceFromOnePage_TheSecondIsToldTheVialChanged()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var vialId = (await app.ReceiveAsync(client, siteId, await app.ProductIdAsync("Botox"), StockPages.UniqueLot()))[0];
        var page = await client.GetStringAsync($"/Toxin/Stock/Reconstitute/{vialId}");
        (await client.ReconstituteAsync(vialId, "4")).EnsureRedirect();

        var response = await client.PostAsync($"/Toxin/Stock/Reconstitute/{vialId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.SalineMl"] = "1", ["Input.Date"] = "2026-11-24", ["Input.Time"] = "09:00",
            ["Input.Version"] = PageHtml.ValueOf(page, "Input.Version"), ["__RequestVerificationToken"] = FormPost.TokenOf(page),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(VialLedger.ConflictMessage, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(4m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.SalineMl).SingleAsync()));
    }

    [Fact]
    public async Task Waste_Valid_AddsAWasteEntryAndAudits()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, vialId, _) = await app.OpenVialAsync(client);

        var response = await client.PostVialFormAsync($"/Toxin/Stock/Waste/{vialId}", new() { ["Input.Units"] = "7.5", ["Input.Reason"] = "Spilled while drawing" });

        Assert.Equal($"/Toxin/Stock/Vial/{vialId}", Redirects.LocationOf(response));
        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == vialId));
        Assert.Equal(7.5m, vial.UnitsWasted);
        Assert.Equal(92.5m, vial.UnitsLeft);
        var entry = await app.WithDbAsync(db => db.ToxinVialEntries.SingleAsync(e => e.VialId == vialId));
        Assert.Equal(VialEntryKind.Waste, entry.Kind);
        Assert.Equal("Spilled while drawing", entry.Reason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinVialWasted && e.SubjectId == vialId.ToString())));
    }

    [Theory]
    [InlineData("101", "Spilled", "has 100 U left; 101 U cannot be wasted from it.")]
    [InlineData("0", "Spilled", "Enter the units wasted, more than zero.")]
    [InlineData("5", "", "Say why the units were wasted.")]
    public async Task Waste_BadInput_ShowsTheMessageAndChangesNothing(string units, string reason, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, _, vialId, _) = await app.OpenVialAsync(client);

        var response = await client.PostVialFormAsync($"/Toxin/Stock/Waste/{vialId}", new() { ["Input.Units"] = units, ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.UnitsWasted).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.ToxinVialEntries.AnyAsync(e => e.VialId == vialId)));
    }

    [Fact]
    public async Task Discard_OpenVial_TheRemainderBecomesWaste()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (siteId, _, vialId, _) = await app.OpenVialAsync(client);
        (await client.PostVialFormAsync($"/Toxin/Stock/Waste/{vialId}", new() { ["Input.Units"] = "10", ["Input.Reason"] = "Dropped syringe" })).EnsureRedirect();

        var response = await client.PostVialFormAsync($"/Toxin/Stock/Discard/{vialId}", new() { ["Input.Reason"] = "Past its use-within time" });

        Assert.Equal($"/Toxin/Stock?siteId={siteId}", Redirects.LocationOf(response));
        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == vialId));
        Assert.Equal(VialStatus.Discarded, vial.Status);
        Assert.Equal(100m, vial.UnitsWasted);
        Assert.Equal(0m, vial.UnitsLeft);
        Assert.Equal("Past its use-within time", vial.DiscardReason);
        var last = await app.WithDbAsync(db => db.ToxinVialEntries.Where(e => e.VialId == vialId).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(90m, last[^1].Units);
        Assert.Equal("Discarded: Past its use-within time", last[^1].Reason);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinVialDiscarded && e.SubjectId == vialId.ToString())));
    }

    [Fact]
    public async Task Discard_SealedVialWithoutReason_IsRefused_ThenWithAReasonIsDiscarded()
    {
        var client = app.CreateClient(Roles.Nurse);
        var siteId = await app.CreateSiteAsync();
        var vialId = (await app.ReceiveAsync(client, siteId, await app.ProductIdAsync("Dysport"), StockPages.UniqueLot(), size: 300))[0];

        var refused = await client.PostVialFormAsync($"/Toxin/Stock/Discard/{vialId}", new() { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say why the vial is discarded.", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(VialStatus.InStock, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.Status).SingleAsync()));

        (await client.PostVialFormAsync($"/Toxin/Stock/Discard/{vialId}", new() { ["Input.Reason"] = "Vial cracked" })).EnsureRedirect();
        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == vialId));
        Assert.Equal(VialStatus.Discarded, vial.Status);
        Assert.Equal(300m, vial.UnitsWasted);
    }

    [Fact]
    public async Task Vial_ShowsTheLedgerWithPatients_AndAuditsAReadPerPatient()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (siteId, _, vialId, _) = await app.OpenVialAsync(client);
        var patient = TestData.Patient();
        var patientId = await client.RegisterAsync(patient);
        await app.SessionWithDrawAsync(patientId, siteId, vialId, 12.5m);

        var response = await client.GetAsync($"/Toxin/Stock/Vial/{vialId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        Assert.Contains(rows, r => r[1] == "Drawn" && r[2] == "12.5" && r[3].Contains(patient.GivenName, StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.ToxinStockViewed && e.PatientId == patientId && e.SubjectId == vialId.ToString())));
    }

    [Fact]
    public async Task VialPages_UnknownVial_IsNotFound()
    {
        var client = app.CreateClient(Roles.Nurse);
        foreach (var page in new[] { "Vial", "Reconstitute", "Waste", "Discard" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Toxin/Stock/{page}/{Guid.NewGuid()}")).StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task StockPages_NonClinicalRole_AreDenied_AndPostsSaveNothing(string role)
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var (siteId, productId, vialId, _) = await app.OpenVialAsync(nurse);
        var client = app.CreateClient(role);

        foreach (var url in new[]
                 {
                     "/Toxin/Stock", $"/Toxin/Stock?siteId={siteId}", "/Toxin/Stock/Receive", $"/Toxin/Stock/Vial/{vialId}",
                     $"/Toxin/Stock/Reconstitute/{vialId}", $"/Toxin/Stock/Waste/{vialId}", $"/Toxin/Stock/Discard/{vialId}",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        }

        var token = FormPost.TokenOf(await client.GetStringAsync("/Patients/Register"));
        var fields = StockPages.ReceiveFields(siteId, productId, StockPages.UniqueLot());
        fields["__RequestVerificationToken"] = token;
        var post = await client.PostAsync("/Toxin/Stock/Receive", new FormUrlEncodedContent(fields));
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(post), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ToxinVials.CountAsync(v => v.SiteId == siteId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == $"GET /Toxin/Stock/Vial/{vialId}")));
    }
}

public sealed class StockPagesTestsOnSqlite(SqliteAppFactory app) : StockPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class StockPagesTestsOnPostgres(PostgresAppFactory app) : StockPagesTests<PostgresAppFactory>(app);
