using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.BrowserTests.Infrastructure;
using SpasmCare.Web.Features.Patients;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Screenshots;

/// <summary>
/// Rewrites docs/screenshots/*.png from the running app, so the pictures in the docs stay current. The app's clock
/// stands still (moved only by this test) and the data is the same on every run, so an unchanged page gives an
/// unchanged picture; only audit trace ids differ between runs, and those are masked.
/// </summary>
[Collection(ScreenshotCollection.Name)]
public sealed partial class ScreenshotTests(ScreenshotApp app) : BrowserTest(app)
{
    private static readonly PatientEntry Anand = new(
        "Anand", "Iyer", "Male", "1972-02-29", "+91 98190 55501", "Navi Mumbai", "Maharashtra", "400703");

    [Fact]
    public async Task MainPages_FixedClockAndData_WritesScreenshots()
    {
        var clock = App.Time!;
        await SeedPatientsAsync();
        var desk = await NewPageAsync();
        await desk.GotoAsync("/Account/Login");
        await SaveAsync(desk, "sign-in");
        await SignInAsync(desk, TestUsers.FrontDesk);
        await SaveAsync(desk, "home");

        await NavigateAsync(desk, "Patients");
        await desk.GetByRole(AriaRole.Searchbox, new() { Name = "Find a patient" }).FillAsync("deshpande");
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Deshpande" })).ToHaveCountAsync(3);
        await SaveAsync(desk, "patient-search");

        await desk.GetByRole(AriaRole.Link, new() { Name = "Register a patient" }).ClickAsync();
        await PatientForm.Field(desk, "Given name").FillAsync("Anand");
        await PatientForm.Field(desk, "Mobile").FillAsync("12345");
        await PatientForm.Field(desk, "PIN code").FillAsync("4007");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please correct the following");
        await SaveAsync(desk, "patient-register-errors");

        clock.Advance(TimeSpan.FromMinutes(4));
        await PatientForm.FillAsync(desk, Anand);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Anand Iyer is registered as SC-000006.");
        await SaveAsync(desk, "patient-details");

        clock.Advance(TimeSpan.FromMinutes(6));
        var doctor = await SignedInPageAsync(TestUsers.Doctor);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Edit details" }).ClickAsync();
        await doctor.GotoAsync(desk.Url);
        clock.Advance(TimeSpan.FromMinutes(2));
        await PatientForm.Field(doctor, "Mobile").FillAsync("+91 98190 55502");
        await PatientForm.Field(doctor, "Address line 1").FillAsync("Flat 7, Sector 17");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Changes saved.");
        clock.Advance(TimeSpan.FromMinutes(3));
        await PatientForm.Field(desk, "Email").FillAsync("anand.iyer@example.in");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not saved: test.doctor changed this record");
        await SaveAsync(desk, "patient-edit-conflict");

        var admin = await SignedInPageAsync(TestUsers.Admin);
        await NavigateAsync(admin, "Audit log");
        await admin.GetByLabel("Patient MRN").FillAsync("SC-000006");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Patient Registered" })).ToHaveCountAsync(1);
        await SaveAsync(admin, "audit-log", admin.GetByRole(AriaRole.Cell, new() { NameRegex = TraceId() }));

        await NavigateAsync(admin, "Users");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = TestUsers.NewStarter.UserName })).ToContainTextAsync("Password to change");
        await SaveAsync(admin, "users");

        await ClinicalPagesAsync(doctor);

        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/Clinic");
        await SaveAsync(visitor, "public-home");
        await visitor.GotoAsync("/Clinic/hfs-vs-blepharospasm");
        await SaveAsync(visitor, "public-hfs-vs-blepharospasm");
        await visitor.GotoAsync("/Contact?lang=hi");
        await SaveAsync(visitor, "public-contact-hindi");
    }

    /// <summary>Issue 5's pages, as a doctor sees them: the examination on the diagram, the differential, the patient page.</summary>
    private async Task ClinicalPagesAsync(IPage doctor)
    {
        var fatima = await App.WithDbAsync(db => db.Patients.SingleAsync(p => p.GivenName == "Fatima"));
        await doctor.GotoAsync($"/Patients/Details/{fatima.Id}");
        await doctor.GetByRole(AriaRole.Link, new() { Name = "New visit" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Record visit" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Link, new() { Name = "Record examination" }).ClickAsync();
        await doctor.GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        foreach (var region in new[] { "LowerLid", "UpperLid", "Cheek", "Mouth" })
        {
            await doctor.Locator($"svg.face-map g.face-region[data-region='{region}'][data-side='left']").ClickAsync();
        }

        await doctor.GetByLabel("Where it began", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lower lid" });
        await doctor.GetByRole(AriaRole.Radio, new() { Name = "Typical: from around the eye downward" }).CheckAsync();
        await doctor.GetByRole(AriaRole.Group, new() { Name = "\u201COther Babinski\u201D sign", Exact = true })
            .GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await doctor.GetByLabel("Age at onset (years)", new() { Exact = true }).FillAsync("57");
        await SaveAsync(doctor, "examination-form");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save examination" }).ClickAsync();
        await Expect(doctor.GetByText("Primary hemifacial spasm").First).ToBeVisibleAsync();
        await SaveAsync(doctor, "examination-differential");

        // Two JRS ratings three months apart, so the chart has a line.
        foreach (var (at, severity, frequency) in new[] { ("2026-08-20T10:30", 3, 3), ("2026-11-24T10:00", 1, 1) })
        {
            await doctor.GotoAsync($"/Patients/{fatima.Id}/Scales/New?instrument=JRS");
            var items = doctor.Locator("fieldset fieldset");
            await items.Nth(0).GetByRole(AriaRole.Radio).Nth(severity).CheckAsync();
            await items.Nth(1).GetByRole(AriaRole.Radio).Nth(frequency).CheckAsync();
            await doctor.GetByLabel("Assessed on", new() { Exact = true }).FillAsync(at);
            await doctor.GetByRole(AriaRole.Button, new() { NameRegex = SaveScore() }).ClickAsync();
            await Expect(doctor.GetByRole(AriaRole.Status)).ToContainTextAsync("saved");
        }

        await doctor.GotoAsync($"/Patients/{fatima.Id}/Diagnoses/New?condition=HemifacialSpasm");
        await doctor.GetByRole(AriaRole.Group, new() { Name = "Side" }).GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        await doctor.GetByRole(AriaRole.Group, new() { Name = "Certainty" }).GetByRole(AriaRole.Radio, new() { Name = "Confirmed", Exact = true }).CheckAsync();
        await doctor.GetByRole(AriaRole.Group, new() { Name = "Primary or secondary" }).GetByRole(AriaRole.Radio, new() { Name = "Primary", Exact = false }).First.CheckAsync();
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save diagnosis" }).ClickAsync();

        await doctor.GotoAsync($"/Patients/Details/{fatima.Id}");
        await Expect(doctor.GetByRole(AriaRole.Region, new() { Name = "Outcomes" }).Locator("canvas").First).ToBeVisibleAsync();
        await SaveAsync(doctor, "patient-clinical");
    }

    private async Task SeedPatientsAsync()
    {
        await App.RegisterPatientAsync(Patient("Sunita", "Deshpande", Sex.Female, new(1961, 7, 14), "9820011001", "Pune"));
        await App.RegisterPatientAsync(Patient("Milind", "Deshpande", Sex.Male, new(1958, 1, 3), "9820011002", "Pune"));
        await App.RegisterPatientAsync(Patient("Kavya", "Deshpande", Sex.Female, new(1990, 11, 30), "9820011003", "Nashik"));
        await App.RegisterPatientAsync(Patient("Rohan", "Mehra", Sex.Male, new(1979, 5, 21), "9820011004", "Mumbai"));
        await App.RegisterPatientAsync(Patient("Fatima", "Shaikh", Sex.Female, new(1966, 3, 9), "9820011005", "Thane"));
    }

    private static PatientInput Patient(string given, string family, Sex sex, DateOnly birth, string mobile, string city) =>
        new() { GivenName = given, FamilyName = family, Sex = sex, BirthDate = birth, Mobile = mobile, City = city, ContactConsent = true };

    private static async Task SaveAsync(IPage page, string name, ILocator? mask = null)
    {
        // Park the pointer so that no hover style shows.
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
            Mask = mask is null ? [] : [mask],
            MaskColor = "#c9d1d9",
        });
    }

    [GeneratedRegex("^Save ")]
    private static partial Regex SaveScore();

    [GeneratedRegex("^[0-9a-f]{8}$")]
    private static partial Regex TraceId();
}
