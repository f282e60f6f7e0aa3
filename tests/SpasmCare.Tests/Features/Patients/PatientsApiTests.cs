using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Features.Patients;

public abstract class PatientsApiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Register_ValidPatient_Returns201WithMrnETagAndAuditRow()
    {
        var (client, userId, _) = await app.CreateApiClientAsync();
        var input = TestData.Patient();

        var response = await client.PostAsJsonAsync("/api/v1/patients", input, Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<PatientsApi.PatientResource>(Json);
        Assert.NotNull(created);
        Assert.Matches("^SC-[0-9]{6}$", created.Mrn);
        Assert.Equal($"W/\"{created.Version}\"", response.Headers.ETag?.ToString());
        Assert.Equal($"/api/v1/patients/{created.Id}", response.Headers.Location?.ToString());
        var audit = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == created.Id).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Equal(AuditAction.PatientRegistered, row.Action);
        Assert.Equal(userId, row.ActorId);
        Assert.False(string.IsNullOrEmpty(row.TraceId));
    }

    [Fact]
    public async Task Register_MalformedJson_Returns400ProblemDetailsAndChangesNothing()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var before = await app.WithDbAsync(db => db.Patients.CountAsync());

        var response = await client.PostAsync("/api/v1/patients",
            new StringContent("{\"givenName\": \"Asha\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task Register_InvalidMobileAndPin_Returns400WithFieldErrorsAndChangesNothing()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var input = TestData.Patient();
        input.Mobile = "12345";
        input.PinCode = "01234";
        var before = await app.WithDbAsync(db => db.Patients.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/patients", input, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("10-digit Indian mobile", body, StringComparison.Ordinal);
        Assert.Contains("6-digit PIN code", body, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task Register_SameMobileAsExistingPatient_Returns409UntilConfirmed()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var first = TestData.Patient();
        (await client.PostAsJsonAsync("/api/v1/patients", first, Json)).EnsureSuccessStatusCode();
        var second = TestData.Patient(mobile: "+91 " + first.Mobile);

        var refused = await client.PostAsJsonAsync("/api/v1/patients", second, Json);
        var confirmed = await client.PostAsJsonAsync("/api/v1/patients?confirmedNotDuplicate=true", second, Json);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("possible-duplicate", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        var flagged = await confirmed.Content.ReadFromJsonAsync<PatientsApi.PatientResource>(Json);
        Assert.NotNull(flagged?.PossibleDuplicateOf);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404AndAuditsTheAttempt()
    {
        var (client, userId, _) = await app.CreateApiClientAsync();
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"/api/v1/patients/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString()));
        Assert.Equal(AuditOutcome.NotFound, row.Outcome);
        Assert.Equal(userId, row.ActorId);
    }

    [Fact]
    public async Task Get_ExistingPatient_ReturnsItWithETagNoStoreAndOneReadAuditRow()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var created = await RegisterAsync(client, TestData.Patient());

        var response = await client.GetAsync($"/api/v1/patients/{created.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"W/\"{created.Version}\"", response.Headers.ETag?.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore);
        var reads = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == created.Id && e.Action == AuditAction.PatientRead));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task Get_WithoutToken_Returns401()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync($"/api/v1/patients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithStaffCookieIdentityButNoToken_Returns401()
    {
        var client = app.CreateClient(SpasmCare.Web.Security.Roles.Doctor);

        var response = await client.GetAsync($"/api/v1/patients?q=sharma");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithMadeUpToken_Returns401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sc_" + new string('x', 43));

        var response = await client.GetAsync("/api/v1/patients?q=sharma");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithRevokedToken_Returns401()
    {
        var (client, _, tokenId) = await app.CreateApiClientAsync();
        await app.WithScopeAsync(sp => sp.GetRequiredService<SpasmCare.Web.Features.Users.RevokeApiToken.Handler>()
            .HandleAsync(tokenId, CancellationToken.None));

        var response = await client.GetAsync("/api/v1/patients?q=sharma");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Update_WithCurrentIfMatch_SavesAndReturnsNewETag()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var created = await RegisterAsync(client, TestData.Patient());
        var input = TestData.Patient(created.GivenName, created.FamilyName);
        input.City = "Nashik";

        var response = await SendUpdateAsync(client, created.Id, input, $"W/\"{created.Version}\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<PatientsApi.PatientResource>(Json);
        Assert.Equal("Nashik", updated?.City);
        Assert.NotEqual(created.Version, updated?.Version);
        Assert.Equal(2, await app.WithDbAsync(db => db.PatientRevisions.CountAsync(r => r.PatientId == created.Id)));
    }

    [Fact]
    public async Task Update_WithStaleIfMatch_Returns412AndChangesNothing()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var created = await RegisterAsync(client, TestData.Patient());
        var first = TestData.Patient(created.GivenName, created.FamilyName);
        first.City = "Thane";
        (await SendUpdateAsync(client, created.Id, first, $"W/\"{created.Version}\"")).EnsureSuccessStatusCode();
        var second = TestData.Patient(created.GivenName, created.FamilyName);
        second.City = "Nagpur";

        var response = await SendUpdateAsync(client, created.Id, second, $"W/\"{created.Version}\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("City", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Thane", await app.WithDbAsync(db => db.Patients.Where(p => p.Id == created.Id).Select(p => p.City).SingleAsync()));
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Returns428()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var created = await RegisterAsync(client, TestData.Patient());

        var response = await SendUpdateAsync(client, created.Id, TestData.Patient(), null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var (client, _, _) = await app.CreateApiClientAsync();

        var response = await SendUpdateAsync(client, Guid.NewGuid(), TestData.Patient(), $"W/\"{Guid.NewGuid()}\"");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_NameFragmentsInAnyOrder_FindsThePatientAndAuditsEachResult()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var given = TestData.UniqueWord("Savitri");
        var family = TestData.UniqueWord("Deshpande");
        var created = await RegisterAsync(client, TestData.Patient(given, family));

        var results = await client.GetFromJsonAsync<List<SearchPatients.Summary>>(
            $"/api/v1/patients?q={family[..^2].ToUpperInvariant()} {given[..^1].ToLowerInvariant()}", Json);

        var found = Assert.Single(results!);
        Assert.Equal(created.Id, found.Id);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == created.Id && e.Action == AuditAction.PatientSearched)));
    }

    [Fact]
    public async Task Search_ByMobileMrnAndAbha_FindsThePatient()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var input = TestData.Patient();
        input.AbhaNumber = TestData.UniqueAbha();
        var created = await RegisterAsync(client, input);
        var abha = created.AbhaNumber!;

        var byMobile = await client.GetFromJsonAsync<List<SearchPatients.Summary>>($"/api/v1/patients?q=%2B91 {input.Mobile}", Json);
        var byMrn = await client.GetFromJsonAsync<List<SearchPatients.Summary>>($"/api/v1/patients?q={created.Mrn.ToLowerInvariant()}", Json);
        var byAbha = await client.GetFromJsonAsync<List<SearchPatients.Summary>>($"/api/v1/patients?q={abha}", Json);

        Assert.Contains(byMobile!, r => r.Id == created.Id);
        Assert.Equal(created.Id, Assert.Single(byMrn!).Id);
        Assert.Equal(created.Id, Assert.Single(byAbha!).Id);
        Assert.Matches("^[0-9]{2}-[0-9]{4}-[0-9]{4}-[0-9]{4}$", abha);
    }

    [Fact]
    public async Task Search_QueryTooLong_Returns400()
    {
        var (client, _, _) = await app.CreateApiClientAsync();

        var response = await client.GetAsync("/api/v1/patients?q=" + new string('a', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Deactivate_WithReason_HidesFromDefaultSearchButKeepsTheRecord()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var family = TestData.UniqueWord("Gaikwad");
        var created = await RegisterAsync(client, TestData.Patient(family: family));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/patients/{created.Id}/status")
        {
            Content = JsonContent.Create(new { active = false, reason = "Moved to Delhi" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"W/\"{created.Version}\"");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<SearchPatients.Summary>>($"/api/v1/patients?q={family}", Json))!);
        Assert.Single((await client.GetFromJsonAsync<List<SearchPatients.Summary>>($"/api/v1/patients?q={family}&includeInactive=true", Json))!);
    }

    private static async Task<PatientsApi.PatientResource> RegisterAsync(HttpClient client, PatientInput input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/patients", input, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PatientsApi.PatientResource>(Json))!;
    }

    private static async Task<HttpResponseMessage> SendUpdateAsync(HttpClient client, Guid id, PatientInput input, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/patients/{id}") { Content = JsonContent.Create(input, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}

public sealed class PatientsApiTestsOnSqlite(SqliteAppFactory app) : PatientsApiTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class PatientsApiTestsOnPostgres(PostgresAppFactory app) : PatientsApiTests<PostgresAppFactory>(app);
