using System.Text.RegularExpressions;
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

    [GeneratedRegex("^[0-9a-f]{8}$")]
    private static partial Regex TraceId();
}
