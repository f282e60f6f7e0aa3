using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Conventions;

/// <summary>Deny by default: the only endpoints reachable without signing in are these.</summary>
public sealed class AnonymousEndpointTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static readonly string[] Approved =
    [
        "/Account/AccessDenied",
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/Logout",
        "/Calendar/Feed", // a practitioner's iCalendar feed: the secret token in the address is its key
        "/Contact/Index",
        "/Contact/Thanks",
        "/Error",
        "/Index",
        "/Public/Doctors",
        "/Public/Index",
        "/Status",
        "/api/sms/inbound",
        "/health",
        "/openapi/{documentName}.json",
    ];

    [Fact]
    public void AnonymousEndpoints_MatchTheApprovedList()
    {
        var anonymous = app.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(NameOf)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Approved, anonymous);
    }

    [Fact]
    public async Task Root_Anonymous_RedirectsToThePublicSite()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Clinic", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/Patients")]
    [InlineData("/Patients/Register")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Audit")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignIn(string path)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private static string NameOf(Microsoft.AspNetCore.Http.Endpoint e) =>
        e.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor page
            ? page.ViewEnginePath
            : "/" + ((e as RouteEndpoint)?.RoutePattern.RawText ?? e.DisplayName ?? "").TrimStart('/');
}
