using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Scales;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Assessments;

public abstract class InstrumentAdminTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Page = "/Admin/Instruments";

    [Fact]
    public async Task Startup_StoresEveryBuiltInOnce_AndAnotherStartAddsNothing()
    {
        await AssertBuiltInsStoredOnceAsync();

        await app.Services.BootstrapAsync(CancellationToken.None);
        await InstrumentSeed.EnsureBuiltInsAsync(app.Services, CancellationToken.None);

        await AssertBuiltInsStoredOnceAsync();
    }

    [Fact]
    public async Task Index_Admin_ListsTheBuiltInsAsOfferedForNewScores()
    {
        var response = await app.CreateClient(Roles.Admin).GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        foreach (var definition in InstrumentCatalogue.All)
        {
            var row = Assert.Single(rows, r => r[0] == definition.Code && r[1] == definition.Version);
            Assert.Equal(definition.Name, row[2]);
            Assert.StartsWith("Built in", row[3], StringComparison.Ordinal);
        }

        Assert.Contains(rows, r => r[0] == "HFS7" && r[5] == "Offered for new scores");
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    public async Task Index_NotAdmin_IsDenied(string role)
    {
        var response = await app.CreateClient(role).GetAsync(Page);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NewVersion_IsOfferedForNewScoresWhileEarlierScoresKeepTheirVersion()
    {
        var admin = app.CreateClient(Roles.Admin);
        var doctor = app.CreateClient(Roles.Doctor);
        var code = UniqueCode();
        var v1 = InstrumentCatalogue.Hfs7 with { Code = code, Version = "v1", Name = "Test scale " + code };
        var v2 = v1 with
        {
            Version = "licensed-2",
            NeutralItemLabels = false,
            Items = v1.Items.Select((i, n) => i with { Label = $"Licensed wording {n + 1}" }).ToList(),
        };

        (await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(v1)), Page + "?handler=Load")).EnsureRedirect();
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var early = await doctor.RecordAsync(patientId, code, "Q1=1 Q2=1 Q3=1 Q4=1 Q5=1 Q6=1 Q7=1", "2026-11-01T10:00");
        var response = await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(v2)), Page + "?handler=Load");

        Assert.Equal(Page, Redirects.LocationOf(response));
        var stored = await app.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Code == code && i.Version == "licensed-2"));
        Assert.False(stored.IsBuiltIn);
        Assert.True(stored.IsActive);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.Admin), stored.LoadedBy);
        Assert.Equal(InstrumentJson.Write(v2), stored.Definition);
        var form = await (await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, code))).Content.ReadAsStringAsync();
        Assert.Equal("licensed-2", PageHtml.ValueOf(form, "Input.Version"));
        Assert.Contains("<legend>Licensed wording 3</legend>", form, StringComparison.Ordinal);
        var later = await doctor.RecordAsync(patientId, code, "Q1=0 Q2=0 Q3=0 Q4=0 Q5=0 Q6=0 Q7=1");
        var versions = await app.WithDbAsync(db => db.ScaleScores.Where(s => s.PatientId == patientId)
            .ToDictionaryAsync(s => s.Id, s => s.InstrumentVersion));
        Assert.Equal("v1", versions[early]);
        Assert.Equal("licensed-2", versions[later]);
        var earlyPage = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Scales/{early}")).Content.ReadAsStringAsync());
        Assert.Contains("HFS-7 item 3", earlyPage, StringComparison.Ordinal);
        Assert.Contains("version v1 (no longer offered for new scores)", earlyPage, StringComparison.Ordinal);
        var outcomes = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync());
        Assert.Contains("\u22126 since 1 Nov 2026: important improvement (MIC 2.63); the two were scored with different versions of the instrument", outcomes, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.InstrumentLoaded && e.SubjectId == stored.Id.ToString()
            && e.ActorId == TestAuthHandler.UserIdOf(Roles.Admin) && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Deactivate_NewestVersion_OffersThePreviousOneAgainAndReactivateRestoresIt()
    {
        var admin = app.CreateClient(Roles.Admin);
        var doctor = app.CreateClient(Roles.Doctor);
        var code = UniqueCode();
        var v1 = InstrumentCatalogue.Jrs with { Code = code, Version = "a" };
        (await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(v1)), Page + "?handler=Load")).EnsureRedirect();
        (await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(v1 with { Version = "b" })), Page + "?handler=Load")).EnsureRedirect();
        var b = await app.WithDbAsync(db => db.Instruments.SingleAsync(i => i.Code == code && i.Version == "b"));
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await admin.PostFormAsync(Page, new Dictionary<string, string> { ["id"] = b.Id.ToString() }, Page + "?handler=Deactivate");

        Assert.Equal(Page, Redirects.LocationOf(response));
        Assert.False(await app.WithDbAsync(db => db.Instruments.Where(i => i.Id == b.Id).Select(i => i.IsActive).SingleAsync()));
        var form = await (await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, code))).Content.ReadAsStringAsync();
        Assert.Equal("a", PageHtml.ValueOf(form, "Input.Version"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.InstrumentDeactivated && e.SubjectId == b.Id.ToString())));

        (await admin.PostFormAsync(Page, new Dictionary<string, string> { ["id"] = b.Id.ToString() }, Page + "?handler=Reactivate")).EnsureRedirect();

        form = await (await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, code))).Content.ReadAsStringAsync();
        Assert.Equal("b", PageHtml.ValueOf(form, "Input.Version"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.InstrumentReactivated && e.SubjectId == b.Id.ToString())));
    }

    [Fact]
    public async Task Record_WhenEveryVersionOfTheCodeIsWithdrawn_Returns404()
    {
        var admin = app.CreateClient(Roles.Admin);
        var code = UniqueCode();
        (await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(InstrumentCatalogue.Smc with { Code = code })), Page + "?handler=Load")).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.Instruments.Where(i => i.Code == code).Select(i => i.Id).SingleAsync());
        (await admin.PostFormAsync(Page, new Dictionary<string, string> { ["id"] = id.ToString() }, Page + "?handler=Deactivate")).EnsureRedirect();
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, code));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain($"instrument={code}\"", await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InstrumentAdminTestData.InvalidDefinitions), MemberType = typeof(InstrumentAdminTestData))]
    public async Task Load_InvalidDefinition_ShowsTheProblemPlainlyAndStoresNothing(string json, string message)
    {
        var admin = app.CreateClient(Roles.Admin);
        var before = await app.WithDbAsync(db => db.Instruments.CountAsync());

        var response = await admin.PostFormAsync(Page, Fields(json), Page + "?handler=Load");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PageHtml.TextOf(await response.Content.ReadAsStringAsync());
        Assert.Contains("The definition was not loaded", text, StringComparison.Ordinal);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Instruments.CountAsync()));
    }

    [Fact]
    public async Task Load_InvalidDefinition_KeepsThePastedText()
    {
        var json = "{ \"code\": \"KEEPME\", ";

        var response = await app.CreateClient(Roles.Admin).PostFormAsync(Page, Fields(json), Page + "?handler=Load");

        Assert.Contains(json, await response.HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SameCodeAndVersionAsStored_IsRefusedAndTheStoredOneStays()
    {
        var admin = app.CreateClient(Roles.Admin);
        var changed = InstrumentCatalogue.Hfs7 with { Name = "HFS-7 with another name" };

        var response = await admin.PostFormAsync(Page, Fields(InstrumentJson.Write(changed)), Page + "?handler=Load");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HFS7 version builtin-1 is already loaded", await response.HtmlAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Instruments.Where(i => i.Code == "HFS7" && i.Version == "builtin-1").ToListAsync());
        Assert.Equal("HFS-7", Assert.Single(stored).Name);
        var attempt = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.Action == AuditAction.InstrumentLoaded && e.Outcome == AuditOutcome.Failed && e.ActorId == TestAuthHandler.UserIdOf(Roles.Admin))
            .CountAsync());
        Assert.True(attempt >= 1);
    }

    [Fact]
    public async Task Load_UploadedJsonFile_StoresIt()
    {
        var admin = app.CreateClient(Roles.Admin);
        var code = UniqueCode();
        var json = InstrumentJson.Write(InstrumentCatalogue.Bsdi with { Code = code });

        var response = await UploadAsync(admin, json, code + ".json");

        Assert.Equal(Page, Redirects.LocationOf(response));
        Assert.Equal(json, await app.WithDbAsync(db => db.Instruments.Where(i => i.Code == code).Select(i => i.Definition).SingleAsync()));
    }

    [Fact]
    public async Task Load_UploadedFileThatIsNotJson_IsRefused()
    {
        var admin = app.CreateClient(Roles.Admin);
        var code = UniqueCode();

        var response = await UploadAsync(admin, InstrumentJson.Write(InstrumentCatalogue.Bsdi with { Code = code }), "scale.exe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"scale.exe\" is not a .json file.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Instruments.CountAsync(i => i.Code == code)));
    }

    [Fact]
    public async Task Details_BuiltIn_ShowsItsItemsAndDownloadsItsJson()
    {
        var admin = app.CreateClient(Roles.Admin);
        var id = await app.WithDbAsync(db => db.Instruments.Where(i => i.Code == "JRS" && i.Version == "builtin-1").Select(i => i.Id).SingleAsync());

        var page = await admin.GetAsync($"{Page}/Details/{id}");
        var download = await admin.GetAsync($"{Page}/Details/{id}?handler=Download");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("SEVERITY", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("JRS-builtin-1.json", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(InstrumentJson.Write(InstrumentCatalogue.Jrs), await download.Content.ReadAsStringAsync());
    }

    private async Task AssertBuiltInsStoredOnceAsync()
    {
        var stored = await app.WithDbAsync(db => db.Instruments.Where(i => i.IsBuiltIn).ToListAsync());
        Assert.Equal(InstrumentCatalogue.All.Count, stored.Count);
        foreach (var definition in InstrumentCatalogue.All)
        {
            var row = Assert.Single(stored, s => s.Code == definition.Code && s.Version == definition.Version);
            Assert.Equal(InstrumentJson.Write(definition), row.Definition);
            Assert.Equal(definition.Name, row.Name);
        }

        Assert.Equal(InstrumentCatalogue.All.Count, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.InstrumentLoaded && EF.Functions.Like(e.Detail!, "built-in %"))));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, string fileName)
    {
        var html = await (await client.GetAsync(Page)).Content.ReadAsStringAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(FormPost.TokenOf(html)), "__RequestVerificationToken" },
            { new StringContent(""), "Json" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(Page + "?handler=Load", content);
    }

    private static Dictionary<string, string> Fields(string json) => new() { ["Json"] = json };

    private static string UniqueCode() =>
        "T" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
}

internal static class InstrumentAdminTestData
{
    public static TheoryData<string, string> InvalidDefinitions => new()
    {
        { "{ \"code\": \"X\", ", "The text is not a valid instrument definition" },
        { "", "Paste the definition or choose a .json file." },
        {
            InstrumentJson.Write(InstrumentCatalogue.Jrs with { Code = "BADRANGE", Items = [InstrumentCatalogue.Jrs.Items[0] with { Min = 4, Max = 4, Anchors = [] }], TotalMin = 4, TotalMax = 4, MinimalImportantChange = null }),
            "items[0].max: The item's maximum must be greater than its minimum."
        },
        {
            InstrumentJson.Write(InstrumentCatalogue.Jrs with { Code = "BADTOTAL", Version = "x" }).Replace("\"totalMax\": 8", "\"totalMax\": 9", StringComparison.Ordinal),
            "totalMax: The total range 0–9 does not match the items, which give 0–8."
        },
        {
            InstrumentJson.Write(InstrumentCatalogue.Jrs with { Code = "TOOLONGCODE12345678", Version = "x" }),
            "code: The code can be at most 16 characters."
        },
    };
}

public sealed class InstrumentAdminTestsOnSqlite(SqliteAppFactory app) : InstrumentAdminTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class InstrumentAdminTestsOnPostgres(PostgresAppFactory app) : InstrumentAdminTests<PostgresAppFactory>(app);
