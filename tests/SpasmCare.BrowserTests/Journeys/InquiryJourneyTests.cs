using System.Text.RegularExpressions;
using SpasmCare.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

[Collection(JourneyCollection.Name)]
public sealed partial class InquiryJourneyTests(JourneyApp app) : BrowserTest(app)
{
    [Fact]
    public async Task VisitorAsksFrontDeskTriagesAndRegisters_InquiryBecomesAPatient()
    {
        // The visitor reads about hemifacial spasm on the public site, then asks the clinic.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/Clinic");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "About HFS", Exact = true }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("hemifacial spasm", new() { IgnoreCase = true });
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("facial nerve");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Contact us", Exact = true }).First.ClickAsync();
        await visitor.GetByLabel("Your name").FillAsync("Meera Shah");
        await visitor.GetByLabel("Email").FillAsync("meera.shah.example.com");
        await visitor.GetByLabel("Mobile number").FillAsync("98330 12121");
        await visitor.GetByLabel("Your question").FillAsync("My left eye has twitched for three years and now the corner of my mouth pulls too.");
        await Choose(visitor, "Which side of the face?", "Left");
        await Choose(visitor, "Where did it start?", "Around the eye");
        await Choose(visitor, "Does it also pull the cheek or mouth?", "Yes");
        await visitor.GetByLabel("About how old were you when it started?").FillAsync("55");
        await visitor.GetByLabel("I agree that the clinic may use these details").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter an email address like name@example.com.");
        await Expect(visitor.GetByLabel("Your name")).ToHaveValueAsync("Meera Shah");
        await Expect(visitor.GetByRole(AriaRole.Radio, new() { Name = "Around the eye" })).ToBeCheckedAsync();
        await visitor.GetByLabel("Email").FillAsync("meera.shah@example.com");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you", Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.GetByText("Your reference number")).ToBeVisibleAsync();
        var reference = await visitor.GetByText(Reference()).InnerTextAsync();
        Assert.Matches(Reference(), reference);

        var desk = await SignedInPageAsync(TestUsers.FrontDesk);
        await NavigateAsync(desk, "Inquiries");
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = reference });
        await Expect(row).ToContainTextAsync("Meera Shah");
        await Expect(row).ToContainTextAsync("Likely HFS");
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        var triage = desk.GetByRole(AriaRole.Region, new() { Name = "Triage suggestion" });
        await Expect(triage).ToContainTextAsync("Likely hemifacial spasm");
        await Expect(triage).ToContainTextAsync("One side of the face only");
        await desk.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Contacted" });
        await desk.GetByLabel("Assigned to").SelectOptionAsync(new SelectOptionValue { Label = TestUsers.FrontDesk.DisplayName });
        await desk.GetByLabel("Add a note").FillAsync("Called back; she will bring her old prescriptions.");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Inquiry saved.");
        await Expect(desk.GetByRole(AriaRole.Region, new() { Name = "History" })).ToContainTextAsync("she will bring her old prescriptions");

        await desk.GetByRole(AriaRole.Link, new() { Name = "Register as patient" }).ClickAsync();
        await Expect(PatientForm.Field(desk, "Given name")).ToHaveValueAsync("Meera");
        await Expect(PatientForm.Field(desk, "Family name")).ToHaveValueAsync("Shah");
        await Expect(PatientForm.Field(desk, "Mobile")).ToHaveValueAsync("9833012121");
        await PatientForm.Field(desk, "Sex").SelectOptionAsync(new SelectOptionValue { Label = "Female" });
        await PatientForm.Field(desk, "Date of birth").FillAsync("1968-09-02");
        await PatientForm.Field(desk, "City / town").FillAsync("Mumbai");
        await desk.GetByLabel("Agrees to be contacted").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Register patient" }).ClickAsync();

        var registered = desk.GetByRole(AriaRole.Status);
        await Expect(registered).ToHaveTextAsync(RegisteredFrom());
        await Expect(registered).ToContainTextAsync(reference);
        var mrn = Mrn().Match(await registered.InnerTextAsync()).Value;
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Meera Shah", Level = 1 })).ToBeVisibleAsync();

        await NavigateAsync(desk, "Inquiries");
        await desk.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Region, new() { Name = "Patient" })).ToContainTextAsync($"Registered as patient {mrn}");
    }

    private static Task Choose(IPage page, string question, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = question })
            .GetByRole(AriaRole.Radio, new() { Name = answer, Exact = true })
            .CheckAsync();

    [GeneratedRegex(@"INQ-\d{4}-\d{6}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^Meera Shah is registered as SC-\d{6}, from inquiry INQ-\d{4}-\d{6}\.$")]
    private static partial Regex RegisteredFrom();

    [GeneratedRegex(@"SC-\d{6}")]
    private static partial Regex Mrn();
}
