using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

/// <summary>The patient page's Surgery card: shown to doctors and nurses with the case, audited; absent for the front desk.</summary>
public abstract class SurgeryCardTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task PatientPage_DoctorWithACase_ShowsTheCaseAndAuditsTheRead()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.ReferAsync();

        var html = await doctor.GetStringAsync($"/Patients/Details/{patientId}", TestContext.Current.CancellationToken);

        Assert.Contains("id=\"surgery\"", html, StringComparison.Ordinal);
        Assert.Contains(SurgeryTestData.CaseUrl(patientId, caseId), html, StringComparison.OrdinalIgnoreCase);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.MvdCaseRead && e.PatientId == patientId && e.SubjectType == "Patient")));
    }

    [Fact]
    public async Task PatientPage_FrontDesk_HasNoSurgeryCard()
    {
        var (patientId, _) = await app.CreateClient(Roles.Doctor).ReferAsync();

        var response = await app.CreateClient(Roles.FrontDesk).GetAsync($"/Patients/Details/{patientId}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"surgery\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class SurgeryCardTestsOnSqlite(SqliteAppFactory app) : SurgeryCardTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SurgeryCardTestsOnPostgres(PostgresAppFactory app) : SurgeryCardTests<PostgresAppFactory>(app);
