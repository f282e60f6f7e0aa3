using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Patients;

public abstract class PatientPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task Register_ValidForm_RedirectsToDetailsOfANewPatientWithAnMrn()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var input = TestData.Patient();

        var response = await client.PostFormAsync("/Patients/Register", TestData.FormFields(input));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = PatientPages.IdFromDetailsLocation(response);
        var patient = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Matches("^SC-[0-9]{6}$", patient.Mrn);
        Assert.Equal(input.GivenName, patient.GivenName);
        Assert.Equal(input.FamilyName, patient.FamilyName);
        Assert.Equal(input.Mobile, patient.Mobile);
    }

    [Theory]
    [InlineData("Mobile", "12345", "Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9 (a +91 in front is fine).")]
    [InlineData("GivenName", "", "Enter the patient's given (first) name.")]
    [InlineData("BirthDate", "2031-05-17", "The date of birth cannot be in the future.")]
    [InlineData("PinCode", "4110021", "Enter a 6-digit PIN code, such as 400012.")]
    [InlineData("GivenName", "Aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeeeffffffffffgggggggggghhhhhhhhhhiiiiiiiiiijjjjjjjjjjk",
        "The given name can be at most 100 characters.")]
    public async Task Register_InvalidField_Returns200WithFriendlyMessageKeepsTypedValuesAndCreatesNothing(
        string field, string value, string message)
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var input = TestData.Patient();
        var fields = TestData.FormFields(input);
        fields["Input.Patient." + field] = value;

        var response = await client.PostFormAsync("/Patients/Register", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(value, PageHtml.ValueOf(html, "Input.Patient." + field));
        Assert.Equal(input.FamilyName, PageHtml.ValueOf(html, "Input.Patient.FamilyName"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Patients.CountAsync(p => p.FamilyName == input.FamilyName)));
    }

    [Fact]
    public async Task Register_SameMobileAsExistingPatient_ShowsWarningAndConfirmCheckboxAndCreatesNothing()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var first = TestData.Patient();
        var existing = await client.RegisterAsync(first);
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == existing).Select(p => p.Mrn).SingleAsync());
        var second = TestData.Patient(mobile: first.Mobile);

        var response = await client.PostFormAsync("/Patients/Register", TestData.FormFields(second));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"This may be a patient who is already registered: {mrn} (same mobile)", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.True(PageHtml.HasCheckbox(html, "Input.ConfirmedNotDuplicate"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Patients.CountAsync(p => p.FamilyName == second.FamilyName)));
    }

    [Fact]
    public async Task Register_EmptyForm_HasNoDuplicateCheckbox()
    {
        var client = app.CreateClient(Roles.FrontDesk);

        var response = await client.GetAsync("/Patients/Register");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(PageHtml.HasCheckbox(await response.Content.ReadAsStringAsync(), "Input.ConfirmedNotDuplicate"));
    }

    [Fact]
    public async Task Register_PossibleDuplicateConfirmed_RegistersAndFlagsTheDuplicate()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var first = TestData.Patient();
        var existing = await client.RegisterAsync(first);
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == existing).Select(p => p.Mrn).SingleAsync());
        var second = TestData.Patient(mobile: first.Mobile);
        var fields = TestData.FormFields(second);
        fields["Input.ConfirmedNotDuplicate"] = "true";

        var response = await client.PostFormAsync("/Patients/Register", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = PatientPages.IdFromDetailsLocation(response);
        var created = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.FamilyName == second.FamilyName));
        Assert.Equal(id, created.Id);
        Assert.Equal(mrn, created.PossibleDuplicateOf);
    }

    [Fact]
    public async Task Details_ExistingPatient_ShowsNameMrnAgeAndEmptyDiagnoses()
    {
        var client = app.CreateClient(Roles.Doctor);
        var input = TestData.Patient();
        var id = await client.RegisterAsync(input);
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Mrn).SingleAsync());

        var response = await client.GetAsync($"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PageHtml.TextOf(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{input.GivenName} {input.FamilyName}", text, StringComparison.Ordinal);
        Assert.Contains($"MRN {mrn}", text, StringComparison.Ordinal);
        Assert.Contains("58 y · Male", text, StringComparison.Ordinal);
        Assert.Contains("Diagnoses No diagnoses recorded yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_ExistingPatient_IsNotCachedAndCarriesSecurityHeaders()
    {
        var client = app.CreateClient(Roles.Doctor);
        var id = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Details_ExistingPatient_WritesExactlyOnePatientReadAuditRow()
    {
        var client = app.CreateClient(Roles.Nurse);
        var id = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync($"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == id && e.Action == AuditAction.PatientRead));
        Assert.Equal(AuditOutcome.Succeeded, row.Outcome);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.Nurse), row.ActorId);
    }

    [Fact]
    public async Task Details_UnknownId_Returns404AndAuditsTheAttemptAsNotFound()
    {
        var client = app.CreateClient(Roles.Doctor);
        var id = Guid.NewGuid();

        var response = await client.GetAsync($"/Patients/Details/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.HtmlAsync(), StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == id.ToString()));
        Assert.Equal(AuditAction.PatientRead, row.Action);
        Assert.Equal(AuditOutcome.NotFound, row.Outcome);
        Assert.Equal(404, row.StatusCode);
    }

    [Fact]
    public async Task Edit_WithCurrentVersion_SavesAndRedirectsToDetails()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var input = TestData.Patient();
        var id = await client.RegisterAsync(input);
        var version = PageHtml.ValueOf(await (await client.GetAsync($"/Patients/Edit/{id}")).Content.ReadAsStringAsync(), "Input.Version");
        input.City = "Kolhapur";
        var fields = TestData.FormFields(input);
        fields["Input.Version"] = version;

        var response = await client.PostFormAsync($"/Patients/Edit/{id}", fields);

        Assert.Equal($"/Patients/Details/{id}", Redirects.LocationOf(response));
        var saved = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Equal("Kolhapur", saved.City);
        Assert.NotEqual(version, saved.Version.ToString());
    }

    [Fact]
    public async Task Edit_WithStaleVersion_ExplainsTheOtherChangeAndOverwritesNothing()
    {
        var receptionist = app.CreateClient(Roles.FrontDesk);
        var doctor = app.CreateClient(Roles.Doctor);
        var input = TestData.Patient();
        var id = await receptionist.RegisterAsync(input);
        var opened = PageHtml.ValueOf(await (await receptionist.GetAsync($"/Patients/Edit/{id}")).Content.ReadAsStringAsync(), "Input.Version");
        var theirs = TestData.Patient(input.GivenName, input.FamilyName, input.Mobile);
        theirs.City = "Satara";
        var theirFields = TestData.FormFields(theirs);
        theirFields["Input.Version"] = opened;
        (await doctor.PostFormAsync($"/Patients/Edit/{id}", theirFields)).EnsureRedirect();
        var mine = TestData.Patient(input.GivenName, input.FamilyName, input.Mobile);
        mine.Email = "changed.by.reception@example.com";
        var myFields = TestData.FormFields(mine);
        myFields["Input.Version"] = opened;

        var response = await receptionist.PostFormAsync($"/Patients/Edit/{id}", myFields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved: test.doctor changed this record", PageHtml.TextOf(html), StringComparison.Ordinal);
        Assert.Contains("Nothing you typed has been saved, and nothing of theirs was overwritten.", html, StringComparison.Ordinal);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        Assert.Contains(rows, r => r.SequenceEqual(["City / town", "Pune", "Satara"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Email", "test.patient@example.com", "changed.by.reception@example.com"]));
        var saved = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Equal("Satara", saved.City);
        Assert.Equal("test.patient@example.com", saved.Email);
    }

    [Fact]
    public async Task Edit_WithStaleVersion_FillsTheFormWithBothChangesAgainstTheStoredVersion()
    {
        var (receptionist, id, opened) = await OpenThenChangeElsewhereAsync(city: "Satara");
        var mine = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.ToInput()).SingleAsync());
        mine.City = "Pune";
        mine.Email = "changed.by.reception@example.com";
        var myFields = TestData.FormFields(mine);
        myFields["Input.Version"] = opened;

        var response = await receptionist.PostFormAsync($"/Patients/Edit/{id}", myFields);

        var html = await response.Content.ReadAsStringAsync();
        var stored = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Assert.Equal("Satara", PageHtml.ValueOf(html, "Input.Patient.City"));
        Assert.Equal("changed.by.reception@example.com", PageHtml.ValueOf(html, "Input.Patient.Email"));
        Assert.Equal(stored.ToString(), PageHtml.ValueOf(html, "Input.Version"));
        Assert.DoesNotContain("You both changed", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_SavingTheMergedFormAfterAConflict_KeepsBothChanges()
    {
        var (receptionist, id, opened) = await OpenThenChangeElsewhereAsync(city: "Satara");
        var mine = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.ToInput()).SingleAsync());
        mine.City = "Pune";
        mine.Email = "changed.by.reception@example.com";
        var myFields = TestData.FormFields(mine);
        myFields["Input.Version"] = opened;
        var conflict = await (await receptionist.PostFormAsync($"/Patients/Edit/{id}", myFields)).Content.ReadAsStringAsync();
        var merged = TestData.FormFields(mine);
        merged["Input.Patient.City"] = PageHtml.ValueOf(conflict, "Input.Patient.City");
        merged["Input.Version"] = PageHtml.ValueOf(conflict, "Input.Version");

        var response = await receptionist.PostFormAsync($"/Patients/Edit/{id}", merged);

        Assert.Equal($"/Patients/Details/{id}", Redirects.LocationOf(response));
        var saved = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.Equal("Satara", saved.City);
        Assert.Equal("changed.by.reception@example.com", saved.Email);
    }

    [Fact]
    public async Task Edit_BothChangedTheSameField_NamesTheClashAndKeepsTheEditorsValueInTheForm()
    {
        var (receptionist, id, opened) = await OpenThenChangeElsewhereAsync(city: "Satara");
        var mine = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.ToInput()).SingleAsync());
        mine.City = "Wai";
        var myFields = TestData.FormFields(mine);
        myFields["Input.Version"] = opened;

        var response = await receptionist.PostFormAsync($"/Patients/Edit/{id}", myFields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You both changed: City / town.", PageHtml.TextOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("Wai", PageHtml.ValueOf(await response.Content.ReadAsStringAsync(), "Input.Patient.City"));
        Assert.Equal("Satara", await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.City).SingleAsync()));
    }

    [Fact]
    public async Task Status_DeactivateWithoutReason_ShowsErrorAndChangesNothing()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var id = await client.RegisterAsync(TestData.Patient());
        var before = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));

        var response = await client.PostFormAsync($"/Patients/Status/{id}", StatusFields(before.Version, active: false, reason: ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give a reason, such as", await response.HtmlAsync(), StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.True(after.IsActive);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Status_DeactivateWithReason_DeactivatesAndKeepsTheRecord()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var id = await client.RegisterAsync(TestData.Patient());
        var version = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

        var response = await client.PostFormAsync($"/Patients/Status/{id}", StatusFields(version, active: false, reason: "Moved to Bengaluru"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.False(after.IsActive);
        Assert.Equal("Moved to Bengaluru", after.StatusReason);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == id && e.Action == AuditAction.PatientDeactivated)));
    }

    [Fact]
    public async Task Status_ReactivateWithReason_MakesThePatientActiveAgain()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var id = await client.RegisterAsync(TestData.Patient());
        var version = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        (await client.PostFormAsync($"/Patients/Status/{id}", StatusFields(version, active: false, reason: "Registered twice"))).EnsureRedirect();
        var page = await client.GetAsync($"/Patients/Status/{id}");
        var html = await page.Content.ReadAsStringAsync();

        var response = await client.PostFormAsync($"/Patients/Status/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = PageHtml.ValueOf(html, "Input.Version"),
            ["Input.Active"] = PageHtml.ValueOf(html, "Input.Active"),
            ["Input.Reason"] = "Not a duplicate after all",
        });

        Assert.Contains("Reactivate patient", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == id));
        Assert.True(after.IsActive);
        Assert.Equal("Not a duplicate after all", after.StatusReason);
    }

    [Fact]
    public async Task Search_QueryString_ListsMatchesAndAuditsEachPatientOnce()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var family = TestData.UniqueWord("Joshi");
        var first = await client.RegisterAsync(TestData.Patient(family: family));
        var second = await client.RegisterAsync(TestData.Patient(family: family));

        var response = await client.GetAsync($"/Patients?q={family}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = PageHtml.TableRows(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.EndsWith(family, r[0], StringComparison.Ordinal));
        Assert.Equal(1, await CountAsync(first, AuditAction.PatientSearched));
        Assert.Equal(1, await CountAsync(second, AuditAction.PatientSearched));
    }

    [Fact]
    public async Task Search_ResultsHandler_ReturnsTheRowsAloneAndAuditsEachPatientOnce()
    {
        var client = app.CreateClient(Roles.Nurse);
        var given = TestData.UniqueWord("Meera");
        var id = await client.RegisterAsync(TestData.Patient(given: given));
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Mrn).SingleAsync());

        var response = await client.GetAsync($"/Patients?handler=Results&q={given}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var row = Assert.Single(PageHtml.TableRows(html));
        Assert.Equal(mrn, row[1]);
        Assert.Equal(1, await CountAsync(id, AuditAction.PatientSearched));
    }

    [Fact]
    public async Task Patients_SignedInWithoutStaffRole_IsDeniedAndTheDenialIsAudited()
    {
        var client = app.CreateClient("none");

        var response = await client.GetAsync("/Patients");

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf("none")));
        Assert.Equal(AuditOutcome.Denied, row.Outcome);
        Assert.Equal(403, row.StatusCode);
        Assert.Equal("GET /Patients", row.Detail);
    }

    /// <summary>
    /// A receptionist opens the edit page of a new patient; then a doctor saves a new city. Returns the receptionist,
    /// the patient and the version the receptionist's form still holds.
    /// </summary>
    private async Task<(HttpClient Receptionist, Guid Id, string Opened)> OpenThenChangeElsewhereAsync(string city)
    {
        var receptionist = app.CreateClient(Roles.FrontDesk);
        var input = TestData.Patient();
        var id = await receptionist.RegisterAsync(input);
        var opened = PageHtml.ValueOf(await (await receptionist.GetAsync($"/Patients/Edit/{id}")).Content.ReadAsStringAsync(), "Input.Version");
        input.City = city;
        var theirs = TestData.FormFields(input);
        theirs["Input.Version"] = opened;
        (await app.CreateClient(Roles.Doctor).PostFormAsync($"/Patients/Edit/{id}", theirs)).EnsureRedirect();
        return (receptionist, id, opened);
    }

    private Task<int> CountAsync(Guid patientId, AuditAction action) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.PatientId == patientId && e.Action == action));

    private static Dictionary<string, string> StatusFields(Guid version, bool active, string reason) => new()
    {
        ["Input.Version"] = version.ToString(),
        ["Input.Active"] = active ? "true" : "false",
        ["Input.Reason"] = reason,
    };
}

public sealed class PatientPagesTestsOnSqlite(SqliteAppFactory app) : PatientPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class PatientPagesTestsOnPostgres(PostgresAppFactory app) : PatientPagesTests<PostgresAppFactory>(app);
