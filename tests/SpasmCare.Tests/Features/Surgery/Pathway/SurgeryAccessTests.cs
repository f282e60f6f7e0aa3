using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Surgery.Pathway;

/// <summary>Every page of the MVD pathway, for the roles that must not reach it and for another patient's case.</summary>
public static class SurgeryAccessCases
{
    /// <summary>Pages under a case ("{complication}" stands for a complication of the case).</summary>
    public static readonly string[] CasePages =
    [
        "", "Checklist", "OverrideReady", "Book", "CancelBooking", "Cancel", "Operation", "Operation/Print", "Stay",
        "Discharge/Print", "Complications/New", "Complications/{complication}/Edit",
    ];

    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Roles.FrontDesk, Roles.Admin })
        {
            data.Add(role, "/Surgery");
            data.Add(role, "New");
            foreach (var page in CasePages)
            {
                data.Add(role, page);
            }
        }

        return data;
    }

    public static TheoryData<string> Pages() => new(CasePages);
}

public abstract class SurgeryAccessTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    /// <summary>One operated, discharged case with a complication: every page of the pathway exists for it.</summary>
    private async Task<(Guid PatientId, Guid CaseId, Guid ComplicationId)> FullCaseAsync()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, caseId) = await doctor.OperatedCaseAsync(app);
        (await doctor.PostFormAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Complications/New"), new Dictionary<string, string>
        {
            ["Input.Kind"] = "CsfLeak",
            ["Input.OnsetOn"] = SurgeryTestData.Iso(app.Today()),
            ["Input.Course"] = "Ongoing",
        })).EnsureRedirect();
        var complicationId = await app.WithDbAsync(db => db.MvdComplications.Where(c => c.CaseId == caseId).Select(c => c.Id).SingleAsync());
        return (patientId, caseId, complicationId);
    }

    private static string Url(Guid patientId, Guid caseId, Guid complicationId, string page) => page switch
    {
        "/Surgery" => "/Surgery",
        "New" => $"/Patients/{patientId}/Surgery/Cases/New",
        _ => SurgeryTestData.CaseUrl(patientId, caseId, page.Replace("{complication}", complicationId.ToString(), StringComparison.Ordinal)),
    };

    [Theory]
    [MemberData(nameof(SurgeryAccessCases.RolesAndPages), MemberType = typeof(SurgeryAccessCases))]
    public async Task SurgeryPage_NonClinicalRole_IsDeniedAndTheDenialAudited(string role, string page)
    {
        var (patientId, caseId, complicationId) = await FullCaseAsync();
        var url = Url(patientId, caseId, complicationId, page);

        var response = await app.CreateClient(role).GetAsync(url);

        SurgeryTestData.AssertDenied(response);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + url)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task SurgeryPost_NonClinicalRole_IsDeniedAndSavesNothing(string role)
    {
        var (patientId, caseId, _) = await FullCaseAsync();
        var client = app.CreateClient(role);
        var token = FormPost.TokenOf(await client.GetStringAsync("/Patients/Register"));
        var before = await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

        var response = await client.PostAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Cancel"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Version", before.ToString()), new("Input.Reason", "No")]));

        SurgeryTestData.AssertDenied(response);
        Assert.Equal(before, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(SurgeryAccessCases.Pages), MemberType = typeof(SurgeryAccessCases))]
    public async Task CasePage_UnderAnotherPatient_IsNotFoundAndAudited(string page)
    {
        var (_, caseId, complicationId) = await FullCaseAsync();
        var doctor = app.CreateClient(Roles.Doctor);
        var otherPatient = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.GetAsync(Url(otherPatient, caseId, complicationId, page));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == otherPatient && e.Outcome == AuditOutcome.NotFound)));
    }

    [Fact]
    public async Task CasePost_UnderAnotherPatient_IsNotFoundAndChangesNothing()
    {
        var (patientId, caseId, _) = await FullCaseAsync();
        var doctor = app.CreateClient(Roles.Doctor);
        var otherPatient = await doctor.RegisterAsync(TestData.Patient());
        var token = FormPost.TokenOf(await doctor.GetStringAsync(SurgeryTestData.CaseUrl(patientId, caseId, "Stay")));
        var before = await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

        var response = await doctor.PostAsync(SurgeryTestData.CaseUrl(otherPatient, caseId, "Stay"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Version", before.ToString()),
            new("Input.AdmittedDate", SurgeryTestData.Iso(app.Today().AddDays(-3))), new("Input.AdmittedTime", "16:00"),
        ]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.MvdCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task CasePage_UnknownCase_IsNotFound()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.GetAsync(SurgeryTestData.CaseUrl(patientId, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CasePage_Nurse_SeesTheCaseAndTheReadIsAudited()
    {
        var (patientId, caseId, _) = await FullCaseAsync();

        var response = await app.CreateClient(Roles.Nurse).GetAsync(SurgeryTestData.CaseUrl(patientId, caseId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.MvdCaseRead && e.SubjectId == caseId.ToString()
            && e.ActorId == TestAuthHandler.UserIdOf(Roles.Nurse))));
    }
}

public sealed class SurgeryAccessTestsOnSqlite(SqliteAppFactory app) : SurgeryAccessTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SurgeryAccessTestsOnPostgres(PostgresAppFactory app) : SurgeryAccessTests<PostgresAppFactory>(app);
