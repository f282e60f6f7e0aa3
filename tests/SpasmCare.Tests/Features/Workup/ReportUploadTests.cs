using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Workup;

/// <summary>Files the upload must refuse, with the message the person sees.</summary>
public static class ReportUploadCases
{
    public static TheoryData<byte[], string, string, string> Refused => new()
    {
        { [.. "Dear doctor, please see the scan."u8], "notes.txt", "text/plain", "This file is not a PDF, JPEG or PNG" },
        { WorkupPages.WindowsProgramBytes, "report.pdf", "application/pdf", "This file is a program or script, not a report." },
        { WorkupPages.LinuxProgramBytes, "scan.png", "image/png", "This file is a program or script, not a report." },
        { WorkupPages.ScriptBytes, "report.jpg", "image/jpeg", "This file is a program or script, not a report." },
        { WorkupPages.PdfBytes, "report.exe", "image/png", "The file's name ends in .exe, but its content is a PDF." },
        { WorkupPages.PngBytes, "scan.pdf", "application/pdf", "The file's name ends in .pdf, but its content is a PNG." },
        { [], "report.pdf", "application/pdf", "The file is empty (0 bytes)." },
        { [.. WorkupPages.PdfBytes, .. new byte[WorkupAppFactory.MaxBytes]], "big.pdf", "application/pdf", "the limit is 200 KB. Nothing was saved." },
    };
}

public abstract class ReportUploadTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : WorkupAppFactory
{
    [Theory]
    [InlineData("report.pdf", "application/pdf")]
    [InlineData("MRI brain (final).PDF", "application/octet-stream")]
    public async Task Upload_ValidPdf_IsStoredLinkedAuditedAndDownloadsByteIdentical(string fileName, string claimed)
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, studyId) = await RecordStudyAsync(client);

        var response = await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PdfBytes, fileName, claimed);

        Assert.Equal($"/Patients/Details/{patientId}#investigations", Redirects.LocationOf(response));
        var document = await app.WithDbAsync(db => db.PatientDocuments.SingleAsync(d => d.PatientId == patientId));
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(fileName, document.FileName);
        Assert.Equal(WorkupPages.PdfBytes.Length, document.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(WorkupPages.PdfBytes)), document.Sha256);
        Assert.Equal(document.Id, await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.Id == studyId).Select(s => s.ReportDocumentId).SingleAsync()));
        Assert.Equal(WorkupPages.PdfBytes, await File.ReadAllBytesAsync(Path.Combine(app.DocumentsPath, document.Id.ToString())));
        Assert.DoesNotContain(app.StoredFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        var uploaded = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentUploaded));
        Assert.Equal(document.Id.ToString(), uploaded.SubjectId);

        var download = await client.GetAsync($"/Patients/{patientId}/Documents/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(WorkupPages.PdfBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        var downloaded = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentDownloaded));
        Assert.Equal(AuditOutcome.Succeeded, downloaded.Outcome);
        Assert.Equal(document.Id.ToString(), downloaded.SubjectId);
    }

    [Fact]
    public async Task Upload_ValidPngClaimedAsAnything_IsStoredAsPngAndDownloadsByteIdentical()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);

        (await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PngBytes, "scan.png", "application/pdf")).EnsureRedirect();

        var document = await app.WithDbAsync(db => db.PatientDocuments.SingleAsync(d => d.PatientId == patientId));
        Assert.Equal("image/png", document.ContentType);
        var download = await client.GetAsync($"/Patients/{patientId}/Documents/{document.Id}");
        Assert.Equal(WorkupPages.PngBytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("scan.png", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Upload_ValidJpegWithAPathInItsName_IsStoredUnderItsIdWithTheLastNamePartOnly()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);

        (await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.JpegBytes, "..\\..\\wwwroot\\scan.jpeg", "image/jpeg")).EnsureRedirect();

        var document = await app.WithDbAsync(db => db.PatientDocuments.SingleAsync(d => d.PatientId == patientId));
        Assert.Equal("scan.jpeg", document.FileName);
        Assert.Equal("image/jpeg", document.ContentType);
        Assert.True(File.Exists(Path.Combine(app.DocumentsPath, document.Id.ToString())));
    }

    [Theory]
    [MemberData(nameof(ReportUploadCases.Refused), MemberType = typeof(ReportUploadCases))]
    public async Task Upload_RefusedFile_ExplainsWhyAndSavesNoRowAndNoFile(byte[] content, string fileName, string claimed, string message)
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);
        var before = app.StoredFiles().Count;

        var response = await client.UploadAsync(ReportUrl(patientId, studyId), content, fileName, claimed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        WorkupPages.AssertErrorBeside(await response.HtmlAsync(), "Input.File", message);
        Assert.False(await app.WithDbAsync(db => db.PatientDocuments.AnyAsync(d => d.PatientId == patientId)));
        Assert.Null(await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.Id == studyId).Select(s => s.ReportDocumentId).SingleAsync()));
        Assert.Equal(before, app.StoredFiles().Count);
        var rejected = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentRejected));
        Assert.Equal(AuditOutcome.Failed, rejected.Outcome);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentUploaded)));
    }

    [Fact]
    public async Task Upload_NoFileChosen_AsksForOne()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);

        var response = await client.PostWithVersionAsync(ReportUrl(patientId, studyId), []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose the report file to upload.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.PatientDocuments.AnyAsync(d => d.PatientId == patientId)));
    }

    [Fact]
    public async Task Upload_BodyFarOverTheRequestLimit_IsNotReadSendsBackToTheFormWithTheLimitAndIsAudited()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);
        var url = ReportUrl(patientId, studyId);

        var response = await client.UploadAsync(url, [.. WorkupPages.PdfBytes, .. new byte[WorkupAppFactory.MaxBytes * 2]], "huge.pdf", "application/pdf");

        Assert.Equal(url + "?refused=too-large", Redirects.LocationOf(response));
        var form = await (await client.GetAsync(url + "?refused=too-large")).HtmlAsync();
        WorkupPages.AssertErrorBeside(form, "Input.File", "The file is larger than the limit of 200 KB. Nothing was saved.");
        Assert.False(await app.WithDbAsync(db => db.PatientDocuments.AnyAsync(d => d.PatientId == patientId)));
        var rejected = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentRejected));
        Assert.Equal(413, rejected.StatusCode);
    }

    [Fact]
    public async Task Upload_StaleVersion_ShowsTheConflictAndSavesNothing()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);

        var response = await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PdfBytes, "report.pdf", "application/pdf",
            version: Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not saved:", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.PatientDocuments.AnyAsync(d => d.PatientId == patientId)));
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(WorkupPages.PdfBytes), "Input.File", "report.pdf" } };

        var response = await client.PostAsync(ReportUrl(patientId, studyId), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PatientDocuments.AnyAsync(d => d.PatientId == patientId)));
    }

    [Fact]
    public async Task Download_DocumentOfAnotherPatient_Returns404AndAuditsTheAttempt()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);
        (await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PdfBytes, "report.pdf", "application/pdf")).EnsureRedirect();
        var documentId = await app.WithDbAsync(db => db.PatientDocuments.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync());
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/{other}/Documents/{documentId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == other && e.Action == AuditAction.DocumentDownloaded));
        Assert.Equal(AuditOutcome.NotFound, audit.Outcome);
    }

    [Fact]
    public async Task Download_UnknownDocument_Returns404()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, _) = await RecordStudyAsync(client);

        var response = await client.GetAsync($"/Patients/{patientId}/Documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task Download_NonClinicalRole_IsDeniedAndTheFileIsNotSent(string role)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(doctor);
        (await doctor.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PdfBytes, "report.pdf", "application/pdf")).EnsureRedirect();
        var documentId = await app.WithDbAsync(db => db.PatientDocuments.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync());

        var response = await app.CreateClient(role).GetAsync($"/Patients/{patientId}/Documents/{documentId}");

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DocumentDownloaded)));
    }

    [Fact]
    public async Task PatientPage_StudyWithReport_LinksTheDownload()
    {
        var client = app.CreateClient(Roles.Doctor);
        var (patientId, studyId) = await RecordStudyAsync(client);
        (await client.UploadAsync(ReportUrl(patientId, studyId), WorkupPages.PdfBytes, "report.pdf", "application/pdf")).EnsureRedirect();
        var documentId = await app.WithDbAsync(db => db.PatientDocuments.Where(d => d.PatientId == patientId).Select(d => d.Id).SingleAsync());

        var html = await client.GetStringAsync($"/Patients/Details/{patientId}");

        Assert.Contains($"href=\"/Patients/{patientId}/Documents/{documentId}\">report.pdf</a>", html, StringComparison.Ordinal);
    }

    private static string ReportUrl(Guid patientId, Guid studyId) => $"/Patients/{patientId}/Imaging/{studyId}/Report";

    private async Task<(Guid PatientId, Guid StudyId)> RecordStudyAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        (await client.PostFormAsync($"/Patients/{patientId}/Imaging/New", WorkupPages.ImagingWithChoices(WorkupPages.Imaging()))).EnsureRedirect();
        var id = await app.WithDbAsync(db => db.ImagingStudies.Where(s => s.PatientId == patientId).Select(s => s.Id).SingleAsync());
        return (patientId, id);
    }
}

public sealed class ReportUploadTestsOnSqlite(SqliteWorkupAppFactory app) : ReportUploadTests<SqliteWorkupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ReportUploadTestsOnPostgres(PostgresWorkupAppFactory app) : ReportUploadTests<PostgresWorkupAppFactory>(app);
