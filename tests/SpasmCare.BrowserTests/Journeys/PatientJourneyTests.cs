using System.Text.RegularExpressions;
using SpasmCare.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

[Collection(JourneyCollection.Name)]
public sealed partial class PatientJourneyTests(JourneyApp app) : BrowserTest(app)
{
    private static readonly PatientEntry Lakshmi = new(
        "Lakshmi", "Venkataraman", "Female", "1968-04-12", "98200 41717", "Mumbai", "Maharashtra", "400016");

    [Fact]
    public async Task RegisterFindEdit_FrontDesk_AdminSeesRegistrationAndUpdateInAuditLog()
    {
        var page = await SignedInPageAsync(TestUsers.FrontDesk);
        await NavigateAsync(page, "Patients");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a patient" }).ClickAsync();
        await PatientForm.FillAsync(page, Lakshmi);

        await page.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();

        var registered = page.GetByRole(AriaRole.Status);
        await Expect(registered).ToHaveTextAsync(RegisteredAs());
        var mrn = Mrn().Match(await registered.InnerTextAsync()).Value;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lakshmi Venkataraman", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(mrn, new() { Exact = true })).ToBeVisibleAsync();

        await NavigateAsync(page, "Patients");
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a patient" }).PressSequentiallyAsync("venkat"),
            response => response.Url.Contains("handler=Results", StringComparison.Ordinal) && response.Url.Contains("venkat", StringComparison.Ordinal));
        var result = page.GetByRole(AriaRole.Row).Filter(new() { HasText = mrn });
        await Expect(result).ToContainTextAsync("Lakshmi Venkataraman");

        await result.GetByRole(AriaRole.Link, new() { Name = "Lakshmi Venkataraman" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit details" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(mrn);
        await PatientForm.Field(page, "City / town").FillAsync("Thane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Changes saved.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Details" })).ToContainTextAsync("Thane");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Details" })).Not.ToContainTextAsync("Mumbai");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Record history" })).ToContainTextAsync("City / town");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await SignInAsync(page, TestUsers.Admin);
        await NavigateAsync(page, "Audit log");
        await page.GetByLabel("Patient MRN").FillAsync(mrn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var rows = page.GetByRole(AriaRole.Row);
        await Expect(rows.Filter(new() { HasText = "Patient Registered" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Patient Registered" })).ToContainTextAsync(mrn);
        await Expect(rows.Filter(new() { HasText = "Patient Registered" })).ToContainTextAsync(TestUsers.FrontDesk.UserName);
        await Expect(rows.Filter(new() { HasText = "Patient Updated" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Patient Updated" })).ToContainTextAsync(mrn);
        await Expect(rows.Filter(new() { HasText = "Patient Updated" })).ToContainTextAsync("Succeeded");
    }

    [GeneratedRegex(@"^Lakshmi Venkataraman is registered as SC-\d{6}\.$")]
    private static partial Regex RegisteredAs();

    [GeneratedRegex(@"SC-\d{6}")]
    private static partial Regex Mrn();
}
