using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Toxin.Stock;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Recalls;

/// <summary>Recording a lot recall and finding every patient and session that received a lot.</summary>
public abstract class LotRecallPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.Doctor)]
    public async Task Record_Valid_SavesTheRecallAuditsItAndShowsTheLot(string role)
    {
        var client = app.CreateClient(role);
        var productId = await app.ProductIdAsync("Dysport");
        var lot = StockPages.UniqueLot();

        var response = await client.PostFormAsync("/Toxin/Recalls", new Dictionary<string, string>
        {
            ["Input.ProductId"] = productId.ToString(), ["Input.LotNumber"] = lot.ToLowerInvariant(), ["Input.Reason"] = "Particles seen in reconstituted vials",
        });

        Assert.Equal($"/Toxin/Recalls/Lot?productId={productId}&lot={lot}", Redirects.LocationOf(response));
        var recall = await app.WithDbAsync(db => db.ToxinLotRecalls.SingleAsync(r => r.ProductId == productId && r.LotNumber == lot));
        Assert.Equal("Particles seen in reconstituted vials", recall.Reason);
        Assert.Equal(TestAuthHandler.UserIdOf(role), recall.RecordedBy);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ToxinLotRecalled && e.SubjectId == recall.Id.ToString())));
        var page = PageHtml.TextOf(await client.GetStringAsync(Redirects.LocationOf(response)));
        Assert.Contains("Recalled", page, StringComparison.Ordinal);
        var index = PageHtml.TableRows(await client.GetStringAsync("/Toxin/Recalls"));
        Assert.Contains(index, r => r[0] == $"Dysport, lot {lot}");
    }

    [Theory]
    [InlineData("Input.Reason", "", "Enter the reason for the recall, as the notice gives it.")]
    [InlineData("Input.LotNumber", "", "Enter the recalled lot number.")]
    [InlineData("Input.ProductId", "", "Choose the product.")]
    public async Task Record_BadInput_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var productId = await app.ProductIdAsync("Xeomin");
        var lot = StockPages.UniqueLot();
        var fields = new Dictionary<string, string>
        {
            ["Input.ProductId"] = productId.ToString(), ["Input.LotNumber"] = lot, ["Input.Reason"] = "Kept reason text",
        };
        fields[field] = value;

        var response = await client.PostFormAsync("/Toxin/Recalls", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (field != "Input.Reason")
        {
            Assert.Contains("Kept reason text", html, StringComparison.Ordinal);
        }

        Assert.False(await app.WithDbAsync(db => db.ToxinLotRecalls.AnyAsync(r => r.LotNumber == lot)));
    }

    [Fact]
    public async Task Record_SameLotTwice_IsRefused()
    {
        var client = app.CreateClient(Roles.Nurse);
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();
        await app.RecallAsync(productId, lot);

        var response = await client.PostFormAsync("/Toxin/Recalls", new Dictionary<string, string>
        {
            ["Input.ProductId"] = productId.ToString(), ["Input.LotNumber"] = lot, ["Input.Reason"] = "Again",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WorkupPages.AssertErrorBeside(await response.HtmlAsync(), "Input.LotNumber", $"Lot {lot} of Botox is already recorded as recalled.");
        Assert.Equal(1, await app.WithDbAsync(db => db.ToxinLotRecalls.CountAsync(r => r.LotNumber == lot)));
    }

    [Fact]
    public async Task Lot_ListsEveryPatientAndSessionThatReceivedIt_AndAuditsAReadPerPatient()
    {
        var (siteId, productId, lot, first, second) = await TwoPatientsReceivedALotAsync();
        var client = app.CreateClient(Roles.Nurse);

        var response = await client.GetAsync($"/Toxin/Recalls/Lot?productId={productId}&lot={lot.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("This lot has not been recalled.", PageHtml.TextOf(raw), StringComparison.Ordinal);
        var rows = PageHtml.TableRows(raw).Where(r => r.Length == 7).ToList();
        Assert.Equal(2, rows.Count);
        var firstRow = Assert.Single(rows, r => r[0].Contains(first.Patient.GivenName, StringComparison.Ordinal));
        Assert.Equal(first.Mrn, firstRow[1]);
        Assert.Equal(first.Patient.Mobile, firstRow[2]);
        Assert.Equal("2026-11-24", firstRow[3]);
        Assert.Equal("Dr Ananya Test", firstRow[5]);
        Assert.Equal("12.5", firstRow[6]);
        Assert.Contains(rows, r => r[0].Contains(second.Patient.GivenName, StringComparison.Ordinal) && r[6] == "15");
        foreach (var patientId in new[] { first.Id, second.Id })
        {
            Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
                e.Action == AuditAction.ToxinLotRecallViewed && e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)));
        }

        _ = siteId;
    }

    [Fact]
    public async Task Csv_ExportsTheRowsInjectionSafe_AndAuditsAnExportPerPatient()
    {
        var (_, productId, lot, first, second) = await TwoPatientsReceivedALotAsync(clinician: "=HYPERLINK(\"http://evil\")");
        var client = app.CreateClient(Roles.Doctor);

        var response = await client.GetAsync($"/Toxin/Recalls/Lot?handler=Csv&productId={productId}&lot={lot}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Patient\",\"MRN\",\"Phone\",\"Session date\",\"Site\",\"Clinician\",\"Product\",\"Lot\",\"Units from lot\",\"Entered in error\"", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(first.Mrn, StringComparison.Ordinal) && l.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(",\"=", csv, StringComparison.Ordinal);
        foreach (var patientId in new[] { first.Id, second.Id })
        {
            Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
                e.Action == AuditAction.ToxinLotRecallExported && e.PatientId == patientId)));
        }
    }

    [Fact]
    public async Task Lot_Recalled_VialsCanNoLongerBeDrawnFrom()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (siteId, productId, vialId, lot) = await app.OpenVialAsync(client);
        (await client.PostFormAsync("/Toxin/Recalls", new Dictionary<string, string>
        {
            ["Input.ProductId"] = productId.ToString(), ["Input.LotNumber"] = lot, ["Input.Reason"] = "Sterility not assured",
        })).EnsureRedirect();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());

        var error = await Assert.ThrowsAsync<RuleException>(() => app.SessionWithDrawAsync(patientId, siteId, vialId, 2));

        Assert.Equal("vial-recalled", error.Code);
        var stock = PageHtml.TextOf(await client.GetStringAsync($"/Toxin/Stock?siteId={siteId}"));
        Assert.Contains($"Open Botox vial, lot {lot}, has been recalled. Discard it.", stock, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lot_UnknownProductIsNotFound_AndAMissingLotIsExplained()
    {
        var client = app.CreateClient(Roles.Nurse);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Toxin/Recalls/Lot?productId={Guid.NewGuid()}&lot=ABC")).StatusCode);
        var missing = await client.GetAsync($"/Toxin/Recalls/Lot?productId={await app.ProductIdAsync("Botox")}&lot=");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Enter the lot number", await missing.HtmlAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task RecallPages_NonClinicalRole_AreDenied_AndRecordNothing(string role)
    {
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();
        var client = app.CreateClient(role);

        foreach (var url in new[] { "/Toxin/Recalls", $"/Toxin/Recalls/Lot?productId={productId}&lot={lot}", $"/Toxin/Recalls/Lot?handler=Csv&productId={productId}&lot={lot}" })
        {
            Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await client.GetAsync(url)), StringComparison.Ordinal);
        }

        var token = FormPost.TokenOf(await client.GetStringAsync("/Patients/Register"));
        var post = await client.PostAsync("/Toxin/Recalls", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ProductId"] = productId.ToString(), ["Input.LotNumber"] = lot, ["Input.Reason"] = "x", ["__RequestVerificationToken"] = token,
        }));
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(post), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ToxinLotRecalls.AnyAsync(r => r.LotNumber == lot)));
    }

    private sealed record Received(Guid Id, string Mrn, Web.Features.Patients.PatientInput Patient);

    /// <summary>Two patients injected from two vials of one lot; a third patient from another lot.</summary>
    private async Task<(Guid Site, Guid Product, string Lot, Received First, Received Second)> TwoPatientsReceivedALotAsync(
        string clinician = "Dr Ananya Test")
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var doctor = app.CreateClient(Roles.Doctor);
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync("Botox");
        var lot = StockPages.UniqueLot();
        var vials = await app.ReceiveAsync(nurse, siteId, productId, lot, count: 2);
        var otherVial = (await app.ReceiveAsync(nurse, siteId, productId, StockPages.UniqueLot()))[0];
        foreach (var vial in vials.Append(otherVial))
        {
            (await nurse.ReconstituteAsync(vial)).EnsureRedirect();
        }

        var first = await RegisterAsync(doctor);
        var second = await RegisterAsync(doctor);
        var third = await RegisterAsync(doctor);
        await app.SessionWithDrawAsync(first.Id, siteId, vials[0], 12.5m, clinician);
        await app.SessionWithDrawsAsync(second.Id, siteId, [(vials[0], 5m), (vials[1], 10m)], clinician);
        await app.SessionWithDrawAsync(third.Id, siteId, otherVial, 20m, clinician);
        return (siteId, productId, lot, first, second);
    }

    private async Task<Received> RegisterAsync(HttpClient doctor)
    {
        var input = TestData.Patient();
        var id = await doctor.RegisterAsync(input);
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Mrn).SingleAsync());
        return new Received(id, mrn, input);
    }
}

public sealed class LotRecallPagesTestsOnSqlite(SqliteAppFactory app) : LotRecallPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class LotRecallPagesTestsOnPostgres(PostgresAppFactory app) : LotRecallPagesTests<PostgresAppFactory>(app);
