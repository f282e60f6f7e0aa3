using System.Text.RegularExpressions;
using SpasmCare.BrowserTests.Infrastructure;
using SpasmCare.Web.Features.Patients;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

/// <summary>
/// Issue 5's journey: a doctor opens a new patient, records the examination on the face diagram, reads the
/// differential, records an HFS-7 and a JRS, records the MRI, confirms the diagnosis, and sees it all on the
/// patient page with the scores charted.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed partial class AssessmentJourneyTests(JourneyApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Doctor_ExaminesOnTheDiagram_SeesTheDifferential_ScoresImagesAndConfirmsTheDiagnosis()
    {
        var patient = await App.RegisterPatientAsync(new PatientInput
        {
            GivenName = "Savitri",
            FamilyName = "Gokhale",
            Sex = Sex.Female,
            BirthDate = new DateOnly(1966, 3, 9),
            Mobile = "9820055123",
            PreferredLanguage = Language.Marathi,
            ContactConsent = true,
        });
        var page = await SignedInPageAsync(TestUsers.Doctor);
        await page.GotoAsync($"/Patients/Details/{patient.Id}");
        var outcomes = page.GetByRole(AriaRole.Region, new() { Name = "Outcomes" });
        await Expect(outcomes).ToContainTextAsync("No rating scales");

        // A visit, then the examination on the diagram.
        await page.GetByRole(AriaRole.Link, new() { Name = "New visit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record visit" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record examination" }).ClickAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        foreach (var region in new[] { "LowerLid", "UpperLid", "Cheek", "Mouth" })
        {
            await page.Locator($"svg.face-map g.face-region[data-region='{region}'][data-side='left']").ClickAsync();
        }

        // The diagram ticks the list's checkboxes, which are what the form sends.
        var list = page.GetByRole(AriaRole.Group, new() { Name = "Involved regions" });
        foreach (var label in new[] { "Lower lid", "Upper lid", "Cheek", "Mouth" })
        {
            await Expect(list.GetByRole(AriaRole.Checkbox, new() { Name = label })).ToBeCheckedAsync();
        }

        await Expect(list.GetByRole(AriaRole.Checkbox, new() { Name = "Chin" })).Not.ToBeCheckedAsync();
        await page.GetByLabel("Where it began", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lower lid" });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Typical: from around the eye downward" }).CheckAsync();
        await Finding(page, "\u201COther Babinski\u201D sign").GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await Finding(page, "Persists in sleep").GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByLabel("Age at onset (years)", new() { Exact = true }).FillAsync("55");
        await page.GetByLabel("Duration (months)", new() { Exact = true }).FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save examination" }).ClickAsync();

        // The differential: primary HFS first, with its reasons; the doctor follows it to the diagnosis later.
        var first = page.Locator("ol.differential > li, table.differential tbody tr").First;
        await Expect(page.GetByText("Primary hemifacial spasm").First).ToBeVisibleAsync();
        await Expect(first).ToContainTextAsync("Primary hemifacial spasm");
        var diagnoseLink = page.GetByRole(AriaRole.Link, new() { Name = "Record diagnosis" }).First;
        var diagnoseHref = await diagnoseLink.GetAttributeAsync("href");
        Assert.Contains("condition=HemifacialSpasm", diagnoseHref, StringComparison.Ordinal);

        // HFS-7 and JRS from the patient page.
        await page.GotoAsync($"/Patients/Details/{patient.Id}");
        await outcomes.GetByRole(AriaRole.Link, new() { Name = "HFS-7", Exact = false }).First.ClickAsync();
        var items = page.Locator("fieldset fieldset");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            if (await item.GetByRole(AriaRole.Radio, new() { Name = "2", Exact = false }).CountAsync() > 0)
            {
                await item.GetByRole(AriaRole.Radio).Nth(2).CheckAsync(); // the third option: value 2
            }
        }

        await page.GetByRole(AriaRole.Button, new() { NameRegex = Save() }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("HFS-7 saved: 14 of 0–28.");

        await page.GotoAsync($"/Patients/Details/{patient.Id}");
        await outcomes.GetByRole(AriaRole.Link, new() { Name = "Jankovic", Exact = false }).First.ClickAsync();
        var jrsItems = page.Locator("fieldset fieldset");
        await jrsItems.Nth(0).GetByRole(AriaRole.Radio).Nth(3).CheckAsync();
        await jrsItems.Nth(1).GetByRole(AriaRole.Radio).Nth(2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = Save() }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("saved: 5 of 0–8.");

        // The MRI: contact with the facial nerve on the left, by the AICA.
        await page.GotoAsync($"/Patients/Details/{patient.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record imaging" }).ClickAsync();
        await page.GetByLabel("Date of the study", new() { Exact = true }).FillAsync("2026-11-10");
        var contact = page.GetByRole(AriaRole.Group, new() { Name = "Contact of a vessel with the facial nerve" });
        await contact.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Side of the contact" }).GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Offending vessels" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var investigations = page.GetByRole(AriaRole.Region, new() { Name = "Investigations" });
        await Expect(investigations).ToContainTextAsync("AICA");

        // The diagnosis, from the differential's link: confirmed primary HFS on the left.
        await page.GotoAsync(diagnoseHref!);
        await page.GetByRole(AriaRole.Group, new() { Name = "Side" }).GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Certainty" }).GetByRole(AriaRole.Radio, new() { Name = "Confirmed", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Primary or secondary" }).GetByRole(AriaRole.Radio, new() { Name = "Primary", Exact = false }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save diagnosis" }).ClickAsync();

        // The patient page: the header names the diagnosis with its code; the scores are charted.
        await page.GotoAsync($"/Patients/Details/{patient.Id}");
        await Expect(page.Locator(".patient-header")).ToContainTextAsync("G51.32");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Diagnoses" })).ToContainTextAsync("Hemifacial spasm");
        await Expect(outcomes).ToContainTextAsync("HFS-7");
        await Expect(outcomes.Locator("canvas").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Visits" })).ToContainTextAsync("New consultation");
    }

    private static ILocator Finding(IPage page, string label) =>
        page.GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    [GeneratedRegex("^Save ")]
    private static partial Regex Save();
}
