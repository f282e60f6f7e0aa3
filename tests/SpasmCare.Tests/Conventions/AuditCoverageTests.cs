using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;

namespace SpasmCare.Tests.Conventions;

/// <summary>Every endpoint and page handler that can touch patient data declares how it is audited.</summary>
public sealed class AuditCoverageTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static readonly string[] PatientDataPageFolders = ["/Patients/", "/Admin/Audit/", "/Assessments/", "/Workup/", "/Toxin/", "/Surgery/", "/FollowUps/", "/Inquiries/", "/Contact/",
        "/Recall/", "/Schedule/", "/Appointments/", "/Messaging/", "/Calendar/"];

    [Fact]
    public void ApiEndpoints_AllDeclareAuditing()
    {
        var undeclared = Endpoints()
            .OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<AuditedAttribute>() is null && e.Metadata.GetMetadata<NotAuditedAttribute>() is null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void ApiEndpoints_Exist()
    {
        var api = Endpoints().OfType<RouteEndpoint>()
            .Count(e => (e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal));

        Assert.True(api >= 5, $"Expected the patients API endpoints, found {api}.");
    }

    [Fact]
    public void PatientDataPages_EveryHandlerDeclaresAuditing()
    {
        var undeclared = PatientDataPageModels()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal) && !m.IsSpecialName)
            .Where(m => m.GetCustomAttribute<AuditedAttribute>() is null && m.GetCustomAttribute<NotAuditedAttribute>() is null)
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void PatientDataPages_AreAllFoundByTheCheck()
    {
        var routed = Endpoints()
            .Select(e => e.Metadata.GetMetadata<ActionDescriptor>())
            .OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()
            .Select(d => d.ViewEnginePath)
            .Where(p => PatientDataPageFolders.Any(f => p.StartsWith(f, StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var modelled = PatientDataPageModels()
            .Where(t => !t.IsAbstract) // a shared base (its handlers are checked above) has no route of its own
            .Select(t => "/" + t.FullName!["SpasmCare.Web.Pages.".Length..^"Model".Length].Replace('.', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(routed);
        Assert.Equal(routed, modelled);
    }

    private IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints() =>
        app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints);

    private static IEnumerable<Type> PatientDataPageModels() =>
        typeof(SpasmCare.Web.Pages.IndexModel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .Where(t => PatientDataPageFolders.Any(f =>
                (t.Namespace ?? "").StartsWith("SpasmCare.Web.Pages" + f.TrimEnd('/').Replace('/', '.'), StringComparison.Ordinal)));
}
