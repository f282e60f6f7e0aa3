using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.History;

public abstract class ResistanceTestPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task New_Doctor_SavesTheTestAndAuditsIt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var productId = await app.AddToxinProductAsync();

        var response = await client.PostFormAsync(NewUrl(patientId), Fields(productId));

        Assert.Equal($"/Patients/Details/{patientId}#toxin", Redirects.LocationOf(response));
        var test = await app.WithDbAsync(db => db.ResistanceTests.SingleAsync(t => t.PatientId == patientId));
        Assert.Equal(ResistanceTestKind.Frontalis, test.Kind);
        Assert.Equal(productId, test.ProductId);
        Assert.Equal(10m, test.Units);
        Assert.Equal(new DateOnly(2026, 11, 2), test.PerformedOn);
        Assert.Equal(ResistanceTestResult.Pending, test.Result);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ResistanceTestRecorded && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Theory]
    [InlineData("ProductId", "", "Choose the product injected for the test.")]
    [InlineData("Units", "", "Enter the units injected for the test.")]
    [InlineData("Units", "0", "Enter units from 0.01 to 1000.")]
    [InlineData("PerformedOn", "2026-12-01", "The test cannot be in the future.")]
    [InlineData("PerformedOn", "1950-01-01", "The date of the test is before the patient's date of birth.")]
    [InlineData("ReadOn", "2026-11-01", "The test cannot be read before it was done.")]
    [InlineData("Result", "NoEffect", "Enter the date the result was read.")]
    public async Task New_InvalidField_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = Fields(await app.AddToxinProductAsync());
        fields["Input." + field] = value;

        var response = await client.PostFormAsync(NewUrl(patientId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Matches("name=\"Input.Note\"[^>]*>\\s*Right brow injected</textarea>", html);
        Assert.False(await app.WithDbAsync(db => db.ResistanceTests.AnyAsync(t => t.PatientId == patientId)));
    }

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task New_NotADoctor_IsDenied(string role)
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());

        var response = await app.CreateClient(role).GetAsync(NewUrl(patientId));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_UnknownPatient_Returns404()
    {
        var response = await app.CreateClient(Roles.Doctor).GetAsync(NewUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Edit_TheReading_SavesTheResultAndAuditsIt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id, productId) = await RecordAsync(client);
        var fields = Fields(productId, "Input.Test.");
        fields["Input.Test.ReadOn"] = "2026-11-20";
        fields["Input.Test.Result"] = "ToxinEffective";

        var response = await client.PostWithVersionAsync(EditUrl(patientId, id), fields);

        response.EnsureRedirect();
        var test = await app.WithDbAsync(db => db.ResistanceTests.SingleAsync(t => t.Id == id));
        Assert.Equal(ResistanceTestResult.ToxinEffective, test.Result);
        Assert.Equal(new DateOnly(2026, 11, 20), test.ReadOn);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ResistanceTestUpdated && e.Outcome == AuditOutcome.Succeeded)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.ResistanceTestRead && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsTheDifferenceAndOverwritesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id, productId) = await RecordAsync(client);
        var opened = PageHtml.ValueOf(await client.GetStringAsync(EditUrl(patientId, id)), "Input.Version");
        var theirs = Fields(productId, "Input.Test.");
        theirs["Input.Test.Note"] = "Their note";
        theirs["Input.Version"] = opened;
        (await app.CreateClient(Roles.Doctor).PostFormAsync(EditUrl(patientId, id), theirs)).EnsureRedirect();
        var mine = Fields(productId, "Input.Test.");
        mine["Input.Test.Note"] = "My note";
        mine["Input.Version"] = opened;

        var response = await client.PostFormAsync(EditUrl(patientId, id), mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Note", "Their note", "My note"]));
        Assert.Equal("Their note", await app.WithDbAsync(db => db.ResistanceTests.Where(t => t.Id == id).Select(t => t.Note).SingleAsync()));
    }

    [Fact]
    public async Task Edit_TestOfAnotherPatient_Returns404()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (_, id, _) = await RecordAsync(client);
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync(EditUrl(other, id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EnteredInError_MarksTheTestAndStopsEdits()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, id, _) = await RecordAsync(client);

        var response = await client.PostWithVersionAsync(EditUrl(patientId, id) + "?handler=EnteredInError", []);

        response.EnsureRedirect();
        Assert.True(await app.WithDbAsync(db => db.ResistanceTests.Where(t => t.Id == id).Select(t => t.EnteredInError).SingleAsync()));
        Assert.DoesNotContain("Save changes", await client.GetStringAsync(EditUrl(patientId, id)), StringComparison.Ordinal);
    }

    private static string NewUrl(Guid patientId) => $"/Patients/{patientId}/Toxin/ResistanceTests/New";

    private static string EditUrl(Guid patientId, Guid id) => $"/Patients/{patientId}/Toxin/ResistanceTests/{id}/Edit";

    private async Task<(Guid PatientId, Guid Id, Guid ProductId)> RecordAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        var productId = await app.AddToxinProductAsync();
        (await client.PostFormAsync(NewUrl(patientId), Fields(productId))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ResistanceTests.Where(t => t.PatientId == patientId).Select(t => t.Id).SingleAsync());
        return (patientId, id, productId);
    }

    private static Dictionary<string, string> Fields(Guid productId, string prefix = "Input.") => new()
    {
        [prefix + "Kind"] = "Frontalis",
        [prefix + "ProductId"] = productId.ToString(),
        [prefix + "Units"] = "10",
        [prefix + "PerformedOn"] = "2026-11-02",
        [prefix + "ReadOn"] = "",
        [prefix + "Result"] = "Pending",
        [prefix + "Note"] = "Right brow injected",
    };
}

public sealed class ResistanceTestPagesTestsOnSqlite(SqliteAppFactory app) : ResistanceTestPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ResistanceTestPagesTestsOnPostgres(PostgresAppFactory app) : ResistanceTestPagesTests<PostgresAppFactory>(app);
