using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Inquiries;

public abstract class InboxTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : InquiryAppFactory
{
    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Doctor)]
    public async Task Index_FrontDeskOrDoctor_OpensTheInbox(string role)
    {
        var client = app.CreateClient(role);

        var response = await client.GetAsync("/Inquiries");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Inquiries</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Nurse, "/Inquiries")]
    [InlineData(Roles.Admin, "/Inquiries")]
    [InlineData(Roles.Nurse, "/Inquiries/Details/{0}")]
    [InlineData(Roles.Admin, "/Inquiries/Convert/{0}")]
    public async Task InquiryPages_NurseOrAdmin_AreDeniedAndTheDenialIsAudited(string role, string page)
    {
        var (id, _) = await SubmitAsync();
        var path = string.Format(CultureInfo.InvariantCulture, page, id);
        var client = app.CreateClient(role);

        var response = await client.GetAsync(path);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role) && e.Detail == "GET " + path)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryRead && e.ActorId == TestAuthHandler.UserIdOf(role))));
    }

    [Fact]
    public async Task Index_FrontDesk_ListsTheInquiryWithItsSuggestionAndAuditsEachRowShown()
    {
        var (id, reference) = await SubmitAsync();
        var client = app.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync("/Inquiries?Filter.Status=All");

        var row = RowOf(await response.Content.ReadAsStringAsync(), reference);
        Assert.Contains("Likely HFS", row[4], StringComparison.Ordinal);
        Assert.StartsWith("New", row[5], StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryListed && e.SubjectId == id.ToString() && e.SubjectType == "Inquiry")));
    }

    [Fact]
    public async Task Index_OverdueFilter_ShowsOnlyThoseUnansweredForMoreThanOneWorkingDay()
    {
        var (_, old) = await SubmitAsync();
        app.Time.Advance(TimeSpan.FromDays(4));
        var (_, fresh) = await SubmitAsync();
        var client = app.CreateClient(Roles.FrontDesk);

        var all = await (await client.GetAsync("/Inquiries")).Content.ReadAsStringAsync();
        var overdue = await (await client.GetAsync("/Inquiries?Filter.Overdue=true")).Content.ReadAsStringAsync();

        Assert.Contains("Unanswered > 1 working day", RowOf(all, old)[5], StringComparison.Ordinal);
        Assert.DoesNotContain("Unanswered", RowOf(all, fresh)[5], StringComparison.Ordinal);
        Assert.Contains(old, overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, overdue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_SiteStatusAndAgeFilters_NarrowTheList()
    {
        var site = await CreateSiteAsync();
        var fields = ContactPages.Valid();
        fields["Input.PreferredSiteId"] = site.ToString();
        var reference = await app.CreateVisitor().SubmitAsync(fields);
        var (_, elsewhere) = await SubmitAsync();
        var client = app.CreateClient(Roles.Doctor);

        var atSite = await (await client.GetAsync($"/Inquiries?Filter.Site={site}")).Content.ReadAsStringAsync();
        var closed = await (await client.GetAsync("/Inquiries?Filter.Status=Closed")).Content.ReadAsStringAsync();
        var recent = await (await client.GetAsync("/Inquiries?Filter.Age=UnderOneDay")).Content.ReadAsStringAsync();
        var old = await (await client.GetAsync("/Inquiries?Filter.Age=OverSevenDays")).Content.ReadAsStringAsync();

        Assert.Contains(reference, atSite, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, atSite, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, closed, StringComparison.Ordinal);
        Assert.Contains(reference, recent, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, old, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_UnknownFilterValues_FallBackToTheDefaultsInsteadOfAnError()
    {
        var client = app.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync("/Inquiries?Filter.Status=Everything&Filter.Page=-3&Filter.Site=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Details_ScriptInTheMessage_IsShownAsTextAndTheSuggestionExplainsItself()
    {
        var fields = ContactPages.Valid(message: "<script>alert('inbox')</script> help");
        fields["Input.AgeAtOnset"] = "31";
        fields["Input.HearingLoss"] = "Yes";
        var reference = await app.CreateVisitor().SubmitAsync(fields);
        var id = await IdOfAsync(reference);
        var client = app.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync($"/Inquiries/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert('inbox')", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;inbox&#x27;)&lt;/script&gt; help", html, StringComparison.Ordinal);
        var text = PageHtml.TextOf(html);
        Assert.Contains("Needs doctor review", text, StringComparison.Ordinal);
        Assert.Contains("Red flag Started at about age 31", text, StringComparison.Ordinal);
        Assert.Contains("Red flag Reports hearing loss", text, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", text, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryRead && e.SubjectId == id.ToString() && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Details_StatusAssignmentAndNote_AreSavedWithHistoryAndOneAuditRowEach()
    {
        var (id, _) = await SubmitAsync();
        var deskUser = await app.CreateUserAsync(Roles.FrontDesk, TestData.UniqueWord("desk"), "front-desk-password");
        var client = app.CreateClient(Roles.FrontDesk);
        var version = await VersionOnPageAsync(client, id);

        var response = await client.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.Status"] = "Contacted",
            ["Input.AssignedToUserId"] = deskUser.ToString(),
            ["Input.Note"] = "Called; will send the MRI report.",
        });

        Assert.Equal($"/Inquiries/Details/{id}", Redirects.LocationOf(response));
        var inquiry = await app.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(InquiryStatus.Contacted, inquiry.Status);
        Assert.Equal(deskUser, inquiry.AssignedToUserId);
        var history = await app.WithDbAsync(db => db.InquiryNotes.Where(n => n.InquiryId == id).Select(n => n.Kind).ToListAsync());
        Assert.Equal([InquiryNoteKind.Note, InquiryNoteKind.StatusChanged, InquiryNoteKind.Assigned], history.Order());
        var actions = await app.WithDbAsync(db => db.AuditEvents
            .Where(e => e.SubjectId == id.ToString() && e.Action != AuditAction.InquiryRead && e.Action != AuditAction.InquiryReceived
                && e.Action != AuditAction.InquiryMailSent)
            .Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.InquiryStatusChanged, AuditAction.InquiryAssigned, AuditAction.InquiryNoteAdded], actions.Order());
        var page = PageHtml.TextOf(await (await client.GetAsync($"/Inquiries/Details/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Called; will send the MRI report.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Closed", "", "Give a reason for closing the inquiry.")]
    [InlineData("Booked", "", "Enter the agreed first-appointment date to mark the inquiry booked.")]
    [InlineData("Booked", "2030-01-01", "The agreed date is more than two years ahead. Check the year.")]
    public async Task Details_ClosedWithoutReasonOrBookedWithoutDate_IsRefusedWithAMessage(string status, string agreed, string message)
    {
        var (id, _) = await SubmitAsync();
        var client = app.CreateClient(Roles.FrontDesk);
        var version = await VersionOnPageAsync(client, id);

        var response = await client.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = version,
            ["Input.Status"] = status,
            ["Input.AgreedAppointmentDate"] = agreed,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(InquiryStatus.New, await app.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Details_BookedWithDateThenClosedWithReason_AreSaved()
    {
        var (id, _) = await SubmitAsync();
        var client = app.CreateClient(Roles.Doctor);
        var agreed = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddDays(7);

        (await client.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = await VersionOnPageAsync(client, id),
            ["Input.Status"] = "Booked",
            ["Input.AgreedAppointmentDate"] = agreed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).EnsureRedirect();
        (await client.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = await VersionOnPageAsync(client, id),
            ["Input.Status"] = "Closed",
            ["Input.CloseReason"] = "Chose not to come",
            ["Input.AgreedAppointmentDate"] = agreed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).EnsureRedirect();

        var inquiry = await app.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(InquiryStatus.Closed, inquiry.Status);
        Assert.Equal("Chose not to come", inquiry.CloseReason);
        Assert.Equal(agreed, inquiry.AgreedAppointmentDate);
    }

    [Fact]
    public async Task Details_SavedFromAStaleVersion_Returns409AndKeepsTheOtherPersonsChange()
    {
        var (id, _) = await SubmitAsync();
        var first = app.CreateClient(Roles.FrontDesk);
        var second = app.CreateClient(Roles.Doctor);
        var stale = await VersionOnPageAsync(second, id);
        (await first.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = await VersionOnPageAsync(first, id),
            ["Input.Status"] = "Contacted",
            ["Input.Note"] = "First note",
        })).EnsureRedirect();

        var response = await second.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = stale,
            ["Input.Status"] = "Closed",
            ["Input.CloseReason"] = "Duplicate of another inquiry",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this inquiry after you opened it. Nothing was saved.", await response.HtmlAsync(), StringComparison.Ordinal);
        var inquiry = await app.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(InquiryStatus.Contacted, inquiry.Status);
        Assert.Equal(inquiry.Version.ToString(), PageHtml.ValueOf(html, "Input.Version"));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryUpdated && e.SubjectId == id.ToString() && e.StatusCode == 409)));
    }

    [Fact]
    public async Task Details_UnknownInquiry_Returns404()
    {
        var client = app.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync($"/Inquiries/Details/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Convert_Get_PrefillsTheRegistrationFromTheInquiry()
    {
        var fields = ContactPages.Valid(name: "Ramesh Kumar " + TestData.UniqueWord("Kulkarni"));
        fields["Input.PreferredLanguage"] = "Marathi";
        var id = await IdOfAsync(await app.CreateVisitor().SubmitAsync(fields));
        var client = app.CreateClient(Roles.FrontDesk);

        var html = await (await client.GetAsync($"/Inquiries/Convert/{id}")).Content.ReadAsStringAsync();

        Assert.Equal("Ramesh Kumar", PageHtml.ValueOf(html, "Input.Patient.GivenName"));
        Assert.Equal(fields["Input.Name"].Split(' ')[^1], PageHtml.ValueOf(html, "Input.Patient.FamilyName"));
        Assert.Equal(fields["Input.Mobile"], PageHtml.ValueOf(html, "Input.Patient.Mobile"));
        Assert.Equal(fields["Input.Email"], PageHtml.ValueOf(html, "Input.Patient.Email"));
        Assert.Contains("<option selected=\"selected\" value=\"2\">Marathi</option>", html, StringComparison.Ordinal);
        Assert.False(PageHtml.HasCheckbox(html, "Input.ConfirmedNotDuplicate"));
    }

    [Fact]
    public async Task Convert_Post_RegistersThePatientAndLinksTheInquiry()
    {
        var (id, reference) = await SubmitAsync();
        var client = app.CreateClient(Roles.FrontDesk);
        var patient = TestData.Patient();

        var response = await client.PostFormAsync($"/Inquiries/Convert/{id}", TestData.FormFields(patient));

        var patientId = PatientPages.IdFromDetailsLocation(response);
        var inquiry = await app.WithDbAsync(db => db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(patientId, inquiry.PatientId);
        Assert.Equal(InquiryStatus.Contacted, inquiry.Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryConverted && e.SubjectId == id.ToString() && e.PatientId == patientId)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.PatientRegistered && e.PatientId == patientId)));
        var details = PageHtml.TextOf(await (await client.GetAsync($"/Inquiries/Details/{id}")).Content.ReadAsStringAsync());
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.Mrn).SingleAsync());
        Assert.Contains($"Registered as patient {mrn}", details, StringComparison.Ordinal);
        var again = await client.GetAsync($"/Inquiries/Convert/{id}");
        Assert.Equal($"/Patients/Details/{patientId}", Redirects.LocationOf(again));
        Assert.NotNull(reference);
    }

    [Fact]
    public async Task Convert_SameMobileAsARegisteredPatient_AsksForConfirmationAndLinksNothing()
    {
        var fields = ContactPages.Valid();
        var id = await IdOfAsync(await app.CreateVisitor().SubmitAsync(fields));
        var client = app.CreateClient(Roles.FrontDesk);
        await client.RegisterAsync(TestData.Patient(mobile: fields["Input.Mobile"]));

        var response = await client.PostFormAsync($"/Inquiries/Convert/{id}", TestData.FormFields(TestData.Patient(mobile: fields["Input.Mobile"])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This may be a patient who is already registered", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(PageHtml.HasCheckbox(html, "Input.ConfirmedNotDuplicate"));
        Assert.Null(await app.WithDbAsync(db => db.Inquiries.Where(i => i.Id == id).Select(i => i.PatientId).SingleAsync()));
    }

    [Fact]
    public async Task Audit_InquiryRows_HoldNoPersonalData()
    {
        var fields = ContactPages.Valid();
        var (id, _) = await SubmitAsync(fields);
        var client = app.CreateClient(Roles.FrontDesk);
        await client.GetAsync($"/Inquiries/Details/{id}");
        await client.GetAsync("/Inquiries");

        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == id.ToString()).ToListAsync());

        Assert.NotEmpty(rows);
        var values = rows.SelectMany(r => new[] { r.Detail, r.SubjectId, r.ActorName, r.SubjectType }).OfType<string>().ToList();
        foreach (var personal in new[] { fields["Input.Name"], fields["Input.Email"], fields["Input.Mobile"], "twitched" })
        {
            Assert.DoesNotContain(values, v => v.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }
    }

    private async Task<(Guid Id, string Reference)> SubmitAsync(Dictionary<string, string>? fields = null)
    {
        var reference = await app.CreateVisitor().SubmitAsync(fields ?? ContactPages.Valid());
        return (await IdOfAsync(reference), reference);
    }

    private Task<Guid> IdOfAsync(string reference) =>
        app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());

    private static async Task<string> VersionOnPageAsync(HttpClient client, Guid id)
    {
        var html = await (await client.GetAsync($"/Inquiries/Details/{id}")).Content.ReadAsStringAsync();
        return PageHtml.ValueOf(html, "Input.Version");
    }

    private async Task<Guid> CreateSiteAsync() => await app.WithDbAsync(async db =>
    {
        var site = new Site { Name = TestData.UniqueWord("Clinic"), City = "Pune", Address = "1 Test Road", PinCode = "411001", Phone = "+91 20 5550 0000" };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return site.Id;
    });

    private static string[] RowOf(string html, string reference)
    {
        var row = PageHtml.TableRows(html).FirstOrDefault(r => r.Length > 0 && r[0] == reference);
        Assert.True(row is not null, $"{reference} is not in the list.");
        return row;
    }
}

public sealed class InboxTestsOnSqlite(SqliteInquiryAppFactory app) : InboxTests<SqliteInquiryAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class InboxTestsOnPostgres(PostgresInquiryAppFactory app) : InboxTests<PostgresInquiryAppFactory>(app);
