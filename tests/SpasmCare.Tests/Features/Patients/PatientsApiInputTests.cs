using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Patients;

/// <summary>Bad input to the API gets a clear 4xx, never a 500, and changes nothing.</summary>
public abstract class PatientsApiInputTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private const string Valid =
        """{"givenName":"Asha","familyName":"Pawar","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345","preferredLanguage":"Hindi"}""";

    [Theory]
    [InlineData("""{"givenName":"Asha","sex":"Banana","birthDate":"1970-01-02","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"Asha","sex":99,"birthDate":"1970-01-02","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"2 Jan 1970","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"1970-01-02","mobile":9822012345}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345","preferredLanguage":7}""")]
    [InlineData("""{"givenName":"","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"!!!","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"2999-01-02","mobile":"9822012345"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345","abhaNumber":"12-3456"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345","abhaAddress":"asha@gmail.com"}""")]
    [InlineData("""{"givenName":"Asha","sex":"Female","birthDate":"1970-01-02","mobile":"9822012345","email":"not-an-email"}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    public async Task Register_InvalidBody_Returns400ProblemAndChangesNothing(string body)
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var before = await app.WithDbAsync(db => db.Patients.CountAsync());

        var response = await client.PostAsync("/api/v1/patients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Patients.CountAsync()));
    }

    [Fact]
    public async Task Register_OverlongName_Returns400WithTheLimit()
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var body = Valid.Replace("\"Asha\"", "\"" + new string('a', 101) + "\"", StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/patients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WrongContentType_Returns415()
    {
        var (client, _, _) = await app.CreateApiClientAsync();

        var response = await client.PostAsync("/api/v1/patients", new StringContent(Valid, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/patients/not-a-guid")]
    [InlineData("/api/v1/patients/00000000-0000-0000-0000-000000000000")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Get_UnknownOrMalformedId_Returns404(string path)
    {
        var (client, _, _) = await app.CreateApiClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("W/\"not-a-version\"")]
    [InlineData("garbage")]
    public async Task Update_MalformedIfMatch_Returns412(string ifMatch)
    {
        var (client, _, _) = await app.CreateApiClientAsync();
        var created = await client.PostAsync("/api/v1/patients?confirmedNotDuplicate=true",
            new StringContent(Valid.Replace("9822012345", TestData.UniqueMobile(), StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var location = created.Headers.Location!.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Put, location)
        {
            Content = new StringContent(Valid, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Theory]
    [InlineData("%27%3B DROP TABLE \"Patients\";--")]
    [InlineData("%25%25%25")]
    [InlineData("___")]
    [InlineData("%F0%9F%98%80")]
    [InlineData("+91")]
    [InlineData("@")]
    public async Task Search_OddQueries_Return200WithoutError(string query)
    {
        var (client, _, _) = await app.CreateApiClientAsync();

        var response = await client.GetAsync("/api/v1/patients?q=" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class PatientsApiInputTestsOnSqlite(SqliteAppFactory app) : PatientsApiInputTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class PatientsApiInputTestsOnPostgres(PostgresAppFactory app) : PatientsApiInputTests<PostgresAppFactory>(app);
