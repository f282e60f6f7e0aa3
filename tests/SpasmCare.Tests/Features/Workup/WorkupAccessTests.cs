using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Workup;

/// <summary>Every workup page, for each role that must not reach it.</summary>
public static class WorkupAccessCases
{
    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { Roles.FrontDesk, Roles.Admin })
        {
            foreach (var page in WorkupPageUrls)
            {
                data.Add(role, page);
            }
        }

        return data;
    }

    private static readonly string[] WorkupPageUrls =
    [
        "/Imaging/New", "/Imaging/{imaging}/Edit", "/Imaging/{imaging}/EnteredInError", "/Imaging/{imaging}/Report",
        "/Electrophysiology/New", "/Electrophysiology/{ep}/Edit", "/Electrophysiology/{ep}/EnteredInError",
        "/Diagnoses/New", "/Diagnoses/{diagnosis}/Edit", "/Diagnoses/{diagnosis}/End", "/Documents/{document}",
    ];
}

/// <summary>The front desk and administrators neither reach nor see clinical workup (SECURITY AC-04).</summary>
public abstract class WorkupAccessTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : WorkupAppFactory
{
    [Theory]
    [MemberData(nameof(WorkupAccessCases.RolesAndPages), MemberType = typeof(WorkupAccessCases))]
    public async Task WorkupPage_NonClinicalRole_IsDeniedAndTheDenialAudited(string role, string page)
    {
        var ids = await RecordEverythingAsync();
        var url = Url(ids, page);

        var response = await app.CreateClient(role).GetAsync(url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + url)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task WorkupPost_NonClinicalRole_IsDeniedAndSavesNothing(string role)
    {
        var ids = await RecordEverythingAsync();
        var client = app.CreateClient(role);
        var token = FormPost.TokenOf(await client.GetStringAsync("/Patients/Register"));
        var fields = WorkupPages.ImagingWithChoices(WorkupPages.Imaging());
        fields.Add(new("__RequestVerificationToken", token));

        var response = await client.PostAsync($"/Patients/{ids.Patient}/Imaging/New", new FormUrlEncodedContent(fields));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ImagingStudies.CountAsync(s => s.PatientId == ids.Patient)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task PatientPage_NonClinicalRole_ShowsNoDiagnosesOrInvestigations(string role)
    {
        var ids = await RecordEverythingAsync();

        var response = await app.CreateClient(role).GetAsync($"/Patients/Details/{ids.Patient}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.DoesNotContain("header-diagnoses", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hemifacial spasm", html, StringComparison.Ordinal);
        Assert.DoesNotContain("G51.32", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"diagnoses\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"investigations\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("AICA", html, StringComparison.Ordinal);
        Assert.DoesNotContain("LSR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Documents/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    public async Task PatientPage_ClinicalRole_ShowsDiagnosesImagingAndElectrophysiology(string role)
    {
        var ids = await RecordEverythingAsync();

        var response = await app.CreateClient(role).GetAsync($"/Patients/Details/{ids.Patient}");

        var text = PageHtml.TextOf(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hemifacial spasm, left (G51.32) · confirmed, primary", text, StringComparison.Ordinal);
        Assert.Contains("ICD-10 G51.3 ICD-10-CM G51.32 SNOMED CT 13753008", text, StringComparison.Ordinal);
        Assert.Contains("Contact: left, root exit zone · AICA, PICA · 2 compression sites · indentation", text, StringComparison.Ordinal);
        Assert.Contains("report.pdf", text, StringComparison.Ordinal);
        Assert.Contains("LSR present, 10.2 ms, 150 µV", text, StringComparison.Ordinal);
    }

    private static string Url((Guid Patient, Guid Imaging, Guid Ep, Guid Diagnosis, Guid Document) ids, string page) =>
        $"/Patients/{ids.Patient}" + page
            .Replace("{imaging}", ids.Imaging.ToString(), StringComparison.Ordinal)
            .Replace("{ep}", ids.Ep.ToString(), StringComparison.Ordinal)
            .Replace("{diagnosis}", ids.Diagnosis.ToString(), StringComparison.Ordinal)
            .Replace("{document}", ids.Document.ToString(), StringComparison.Ordinal);

    private async Task<(Guid Patient, Guid Imaging, Guid Ep, Guid Diagnosis, Guid Document)> RecordEverythingAsync()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        (await doctor.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var imaging = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());
        (await doctor.UploadAsync($"/Patients/{patientId}/Imaging/{imaging}/Report", WorkupPages.PdfBytes, "report.pdf", "application/pdf")).EnsureRedirect();
        (await doctor.PostFormAsync($"/Patients/{patientId}/Electrophysiology/New", WorkupPages.Electrophysiology())).EnsureRedirect();
        (await doctor.PostFormAsync($"/Patients/{patientId}/Diagnoses/New", WorkupPages.Diagnosis())).EnsureRedirect();
        return await app.WithDbAsync(async db => (
            patientId,
            imaging,
            await db.ElectrophysiologyStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync(),
            await db.Diagnoses.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync(),
            await db.PatientDocuments.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync()));
    }
}

public sealed class WorkupAccessTestsOnSqlite(SqliteWorkupAppFactory app) : WorkupAccessTests<SqliteWorkupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class WorkupAccessTestsOnPostgres(PostgresWorkupAppFactory app) : WorkupAccessTests<PostgresWorkupAppFactory>(app);
