using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Auditing;

public abstract class AuditTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task VerifyAsync_AfterMixedWritesReadsAndDenials_ReportsAnIntactChain()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var doctor = app.CreateClient(Roles.Doctor);
        var family = TestData.UniqueWord("Pawar");
        var first = await desk.RegisterAsync(TestData.Patient(family: family));
        await desk.RegisterAsync(TestData.Patient(family: family));
        await doctor.GetAsync($"/Patients/Details/{first}");
        await doctor.GetAsync($"/Patients?q={family}");
        await doctor.GetAsync($"/Patients/Details/{Guid.NewGuid()}");
        await app.CreateClient("none").GetAsync("/Patients");
        await app.CreateBrowser().LoginAsync("nobody.here", "not a password at all");

        var check = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));

        Assert.Null(check.Problem);
        Assert.True(check.Intact);
        Assert.Equal(await app.WithDbAsync(db => db.AuditEvents.LongCountAsync()), check.RowsChecked);
        Assert.True(check.RowsChecked >= 8, "2 registrations, a read, 2 search rows, a not-found, a denial and a failed sign-in");
    }

    [Fact]
    public async Task RawSqlUpdate_OfAnAuditRow_IsRefusedByTheDatabase()
    {
        var id = await app.CreateClient(Roles.FrontDesk).RegisterAsync(TestData.Patient());
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == id));

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Detail\" = 'edited' WHERE \"Sequence\" = {row.Sequence}")));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Id == row.Id));
        Assert.Null(after.Detail);
        Assert.Equal(row.Hash, after.Hash);
    }

    [Fact]
    public async Task RawSqlDelete_OfAnAuditRow_IsRefusedByTheDatabase()
    {
        var id = await app.CreateClient(Roles.FrontDesk).RegisterAsync(TestData.Patient());
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == id));

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {row.Sequence}")));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Id == row.Id)));
    }

    [Fact]
    public async Task Read_DetailsPage_AuditRowIsCommittedByTheTimeTheResponseArrives()
    {
        var client = app.CreateClient(Roles.Nurse);
        var id = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/Details/{id}");
        var committed = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == id && e.Action == AuditAction.PatientRead));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, committed);
    }

    [Fact]
    public async Task Read_ApiGet_AuditRowIsCommittedByTheTimeTheResponseArrives()
    {
        var (api, userId, _) = await app.CreateApiClientAsync(Roles.Doctor);
        var id = await app.CreateClient(Roles.FrontDesk).RegisterAsync(TestData.Patient());

        var patient = await api.GetFromJsonAsync<PatientsApi.PatientResource>($"/api/v1/patients/{id}", Json);
        var committed = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == id && e.Action == AuditAction.PatientRead));

        Assert.Equal(id, patient?.Id);
        Assert.Equal(userId, committed.ActorId);
    }

    [Fact]
    public async Task AuditPage_FilteredByPatientMrn_ShowsThatPatientsRowsOnly()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var id = await desk.RegisterAsync(TestData.Patient());
        await desk.RegisterAsync(TestData.Patient());
        await app.CreateClient(Roles.Doctor).GetAsync($"/Patients/Details/{id}");
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Mrn).SingleAsync());

        var response = await app.CreateClient(Roles.Admin).GetAsync($"/Admin/Audit?patient={mrn.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        // The page's own read, then each card that shows this patient's records (in the order they render, newest first).
        Assert.Equal(["Toxin History Viewed", "Contact Preferences Viewed", "Appointments Listed", "Patient Read", "Patient Registered"],
            rows.Select(r => r[3]));
        Assert.All(rows, r => Assert.Equal(mrn, r[4]));
        Assert.Equal(["test.doctor", "test.doctor", "test.doctor", "test.doctor", "test.frontdesk"], rows.Select(r => r[2]));
    }

    [Fact]
    public async Task AuditPage_FilteredByAction_ShowsRowsOfThatActionOnly()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        await desk.RegisterAsync(TestData.Patient());
        await app.CreateClient("none").GetAsync("/Patients/Register");

        var response = await app.CreateClient(Roles.Admin).GetAsync("/Admin/Audit?action=AccessDenied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("Access Denied", r[3]));
        Assert.Contains(rows, r => r[5] == "Endpoint GET /Patients/Register" && r[6] == "Denied 403");
    }

    [Fact]
    public async Task AuditPage_CheckTheWholeChain_ReportsIntactAndRecordsTheCheck()
    {
        var admin = app.CreateClient(Roles.Admin);
        await app.CreateClient(Roles.FrontDesk).RegisterAsync(TestData.Patient());

        var response = await admin.PostFormAsync("/Admin/Audit", [], "/Admin/Audit?handler=Verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("The chain is intact: [0-9,]+ rows checked\\.", await response.HtmlAsync());
        var check = await app.WithDbAsync(db => db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == AuditAction.AuditChainVerified));
        Assert.Equal(AuditOutcome.Succeeded, check.Outcome);
        Assert.EndsWith("rows intact", check.Detail, StringComparison.Ordinal);
    }
}

public sealed class AuditTestsOnSqlite(SqliteAppFactory app) : AuditTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class AuditTestsOnPostgres(PostgresAppFactory app) : AuditTests<PostgresAppFactory>(app);

/// <summary>Tampering by someone who drops the append-only trigger. Its own database: the chain stays broken.</summary>
public abstract class AuditAlteredRowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task VerifyAsync_RowAlteredWithTheTriggerDropped_ReportsTheAlteredSequence()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var id = await desk.RegisterAsync(TestData.Patient());
        await desk.RegisterAsync(TestData.Patient());
        var altered = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == id).Select(e => e.Sequence).SingleAsync());
        await AuditTriggers.DropAsync(app);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"AuditEvents\" SET \"ActorName\" = 'someone else' WHERE \"Sequence\" = {altered}"));

        var check = await app.WithDbAsync(db => AuditChain.VerifyAsync(db, CancellationToken.None));

        Assert.False(check.Intact);
        Assert.Equal(altered, check.BrokenAtSequence);
        Assert.Equal("a row was altered", check.Problem);
        Assert.Equal(altered - 1, check.RowsChecked);
    }
}

public sealed class AuditAlteredRowTestsOnSqlite(SqliteAppFactory app) : AuditAlteredRowTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class AuditAlteredRowTestsOnPostgres(PostgresAppFactory app) : AuditAlteredRowTests<PostgresAppFactory>(app);

/// <summary>A row removed by someone who drops the append-only trigger, found by the admin page's check.</summary>
public abstract class AuditRemovedRowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task AuditPage_RowDeletedWithTheTriggerDropped_ReportsTheMissingSequence()
    {
        var desk = app.CreateClient(Roles.FrontDesk);
        var id = await desk.RegisterAsync(TestData.Patient());
        await desk.RegisterAsync(TestData.Patient());
        var removed = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == id).Select(e => e.Sequence).SingleAsync());
        await AuditTriggers.DropAsync(app);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {removed}"));

        var response = await app.CreateClient(Roles.Admin).PostFormAsync("/Admin/Audit", [], "/Admin/Audit?handler=Verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"The chain is broken at row {removed}: a row is missing.", await response.HtmlAsync(), StringComparison.Ordinal);
        var check = await app.WithDbAsync(db => db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == AuditAction.AuditChainVerified));
        Assert.Equal(AuditOutcome.Failed, check.Outcome);
        Assert.Equal($"broken at {removed}", check.Detail);
    }
}

public sealed class AuditRemovedRowTestsOnSqlite(SqliteAppFactory app) : AuditRemovedRowTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class AuditRemovedRowTestsOnPostgres(PostgresAppFactory app) : AuditRemovedRowTests<PostgresAppFactory>(app);
