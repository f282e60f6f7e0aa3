using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpasmCare.BrowserTests.Infrastructure;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Toxin;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

/// <summary>
/// Issue 6's journey, on a clock the test moves: a nurse receives and reconstitutes a vial; a doctor charts a session by
/// clicking the face map, saves past a per-site dose warning with a reason and prints the record; two weeks later the
/// nurse records the peak review; twelve weeks after the session the front desk finds the patient on the recall list.
/// </summary>
[Collection(ClockJourneyCollection.Name)]
public sealed class ToxinJourneyTests(ClockJourneyApp app) : BrowserTest(app)
{
    private const string Lot = "C7421A2";
    private const string OverrideReason = "Lateral canthus needs 7.5 U: 5 U there wore off within six weeks last year.";
    private const string CanthusName = "Orbicularis oculi, orbital at the lateral canthus";

    /// <summary>Script errors and CSP violations of every page the journey opens.</summary>
    private readonly List<string> _browserErrors = [];

    [Fact]
    public async Task Nurse_Reconstitutes_Doctor_ChartsOnTheMapPastAWarning_Nurse_Reviews_FrontDesk_Recalls()
    {
        var clock = App.Time!;
        var site = await App.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Name == "Test Clinic, Dadar"));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.TimeZoneId);
        DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var patient = await App.RegisterPatientAsync(new PatientInput
        {
            GivenName = "Lakshmi",
            FamilyName = "Venkataraman",
            Sex = Sex.Female,
            BirthDate = new DateOnly(1963, 8, 21),
            Mobile = "9820077441",
            PreferredLanguage = Language.Marathi,
            ContactConsent = true,
        });
        var name = "Lakshmi Venkataraman";

        // The nurse receives two vials of one Botox lot and reconstitutes one with 2 mL: 5 U per 0.1 mL.
        var nurse = await WatchedAsync(TestUsers.Nurse);
        await NavigateAsync(nurse, "Toxin stock");
        await nurse.GetByRole(AriaRole.Link, new() { Name = "Receive vials" }).ClickAsync();
        var botox = await App.WithDbAsync(db => db.ToxinProducts.AsNoTracking().SingleAsync(p => p.Name == "Botox"));
        await nurse.GetByLabel("Product", new() { Exact = true }).SelectOptionAsync(botox.Id.ToString());
        await nurse.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = site.Name });
        await nurse.GetByLabel("Lot number").FillAsync(Lot);
        await nurse.GetByLabel("Expiry date").FillAsync(Iso(Today().AddMonths(18)));
        await nurse.GetByLabel("Vial size (units)").FillAsync("100");
        await nurse.GetByLabel("Number of vials").FillAsync("2");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Receive vials" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Status)).ToHaveTextAsync($"2 vials of Botox, lot {Lot}, received.");

        var sealedVials = nurse.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Botox, lot {Lot}" });
        await sealedVials.GetByRole(AriaRole.Link, new() { Name = "Reconstitute a vial" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reconstitute a vial of Botox");
        await Expect(nurse.Locator("output#concentration")).ToHaveTextAsync("2.5 U per 0.1 mL"); // 4 mL, the label's example
        await nurse.GetByLabel("Saline added (mL)").FillAsync("2");
        await Expect(nurse.Locator("output#concentration")).ToHaveTextAsync("5 U per 0.1 mL");
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Record reconstitution" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Status)).ToContainTextAsync("Vial reconstituted: 5 U per 0.1 mL, use before");
        await Expect(nurse.GetByRole(AriaRole.Definition).Filter(new() { HasText = "drawn" })).ToHaveTextAsync("0 drawn, 0 wasted, 100 left");
        var vialId = await App.WithDbAsync(db => db.ToxinVials.AsNoTracking()
            .Where(v => v.LotNumber == Lot && v.Status == VialStatus.Reconstituted).Select(v => v.Id).SingleAsync());

        // Twenty minutes later the doctor charts the session on the face map.
        clock.Advance(TimeSpan.FromMinutes(20));
        var sessionDay = Today();
        var doctor = await WatchedAsync(TestUsers.Doctor);
        await doctor.GotoAsync($"/Patients/Details/{patient.Id}");
        var toxinCard = doctor.GetByRole(AriaRole.Region, new() { Name = "Botulinum toxin" });
        await Expect(toxinCard).ToContainTextAsync("No toxin session recorded yet.");
        await toxinCard.GetByRole(AriaRole.Link, new() { Name = "Record a session" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chart a botulinum toxin session");

        await doctor.GetByRole(AriaRole.Group, new() { Name = "Side of the spasm" })
            .GetByRole(AriaRole.Radio, new() { Name = "Left", Exact = true }).CheckAsync();
        await doctor.GetByLabel("Product", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Botox" });
        var map = doctor.Locator("svg.toxin-map.is-interactive");
        await Expect(map).ToBeVisibleAsync();
        var clicks = new (string Muscle, string Side)[]
        {
            ("oo-upper-pretarsal-lateral", "Left"),
            ("oo-lower-pretarsal-lateral", "Left"),
            ("oo-orbital-lateral-canthus", "Left"),
            ("zygomaticus-major", "Left"),
            ("frontalis-lateral", "Right"), // a contralateral balancing point
        };
        foreach (var (muscle, side) in clicks)
        {
            await map.Locator($".toxin-region[data-muscle='{muscle}'][data-side='{side}']").ClickAsync();
        }

        // Each click filled a row (the blank starting row gave way to the first) and drew a numbered marker.
        var points = doctor.GetByRole(AriaRole.Table, new() { Name = "Points: one row per injection" });
        await Expect(points.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + clicks.Length);
        await Expect(map.Locator(".toxin-marker")).ToHaveCountAsync(clicks.Length);
        for (var i = 0; i < clicks.Length; i++)
        {
            await Expect(doctor.GetByLabel($"Muscle, point {i + 1}", new() { Exact = true })).ToHaveValueAsync(clicks[i].Muscle);
            await Expect(doctor.GetByLabel($"Side, point {i + 1}", new() { Exact = true })).ToHaveValueAsync(clicks[i].Side);
            await Expect(doctor.GetByLabel($"Vial, point {i + 1}", new() { Exact = true })).ToHaveValueAsync(vialId.ToString());
        }

        await Expect(doctor.GetByLabel("Units, point 3", new() { Exact = true })).ToHaveValueAsync("2.5");
        await Expect(points.GetByRole(AriaRole.Row).Nth(5)).ToContainTextAsync("Balancing");
        await Expect(doctor.Locator("[data-total-side=Left]")).ToHaveTextAsync("6 U (4 points)");
        await Expect(doctor.Locator("[data-total-side=Right]")).ToHaveTextAsync("2.5 U (1 point, balancing)");
        await Expect(doctor.Locator("[data-total-session]")).ToHaveTextAsync("8.5 U (5 points)");

        // 7.5 U at the lateral canthus: above the 5 U per-site maximum. The volume and totals follow.
        await doctor.GetByLabel("Units, point 3", new() { Exact = true }).FillAsync("7.5");
        await Expect(points.GetByRole(AriaRole.Row).Nth(3)).ToContainTextAsync("0.15 mL");
        await Expect(doctor.Locator("[data-total-side=Left]")).ToHaveTextAsync("11 U (4 points)");
        await Expect(doctor.Locator("[data-total-session]")).ToHaveTextAsync("13.5 U (5 points)");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save session" }).ClickAsync();

        var warnings = doctor.GetByRole(AriaRole.Group, new() { Name = "Dose-rule warnings" });
        await Expect(warnings.GetByRole(AriaRole.Listitem)).ToContainTextAsync("7.5 U at");
        await Expect(warnings.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(warnings.GetByRole(AriaRole.Listitem)).ToContainTextAsync("exceeds the 5 U per-site maximum.");
        await Expect(warnings.GetByRole(AriaRole.Listitem)).ToContainTextAsync("DOMAIN §3.2");
        await Expect(doctor.GetByRole(AriaRole.Alert)).ToContainTextAsync("The dose rules raised warnings");
        await Expect(points.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + clicks.Length); // nothing typed was lost
        await Expect(doctor.GetByLabel("Units, point 3", new() { Exact = true })).ToHaveValueAsync("7.5");
        await Expect(map.Locator(".toxin-marker")).ToHaveCountAsync(clicks.Length);
        Assert.Equal(0, await App.WithDbAsync(db => db.InjectionSessions.CountAsync(s => s.PatientId == patient.Id)));

        await warnings.GetByLabel("I have read these warnings").CheckAsync();
        await warnings.GetByLabel("Why you are going past these warnings").FillAsync(OverrideReason);
        await SaveAsync(doctor, "toxin-session-form");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save session" }).ClickAsync();

        await Expect(doctor.GetByRole(AriaRole.Status).Filter(new() { HasText = "Injection session saved" }))
            .ToHaveTextAsync("Injection session saved past the dose warnings, with your reason. The onset check and the peak review are on the follow-up list.");
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Botulinum toxin session");
        var dosePassed = doctor.GetByRole(AriaRole.Region, new() { Name = "Dose warnings saved past" });
        await Expect(dosePassed).ToContainTextAsync("Dose per site above the maximum");
        await Expect(dosePassed).ToContainTextAsync(OverrideReason);

        // The printable record: lot and concentration per point, the points, the warning and its reason.
        await doctor.GetByRole(AriaRole.Link, new() { Name = "Printable record" }).ClickAsync();
        var record = doctor.GetByRole(AriaRole.Article);
        await Expect(record.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Botulinum toxin injection record");
        await Expect(record).ToContainTextAsync(name);
        await Expect(record).ToContainTextAsync(patient.Mrn);
        var recordPoints = record.GetByRole(AriaRole.Table, new() { Name = "Injection points" });
        await Expect(recordPoints.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + clicks.Length);
        var canthus = recordPoints.GetByRole(AriaRole.Row).Filter(new() { HasText = CanthusName });
        await Expect(canthus).ToContainTextAsync("7.5 U");
        await Expect(canthus).ToContainTextAsync("0.15 mL");
        await Expect(canthus).ToContainTextAsync(Lot);
        await Expect(canthus).ToContainTextAsync("5 U/0.1 mL");
        await Expect(recordPoints.GetByRole(AriaRole.Row).Filter(new() { HasText = "Frontalis, lateral" })).ToContainTextAsync("Right (balancing)");
        await Expect(record.GetByRole(AriaRole.Table, new() { Name = "Units of Botox per side and for the session" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = "Session" })).ToContainTextAsync("13.5 U");
        await Expect(record.Locator("svg.toxin-map .toxin-marker")).ToHaveCountAsync(clicks.Length);
        await Expect(record.GetByRole(AriaRole.Region, new() { Name = "Dose warnings saved past" })).ToContainTextAsync(OverrideReason);
        await Expect(doctor.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await Expect(doctor.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await doctor.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(doctor.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(doctor.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await SaveAsync(doctor, "toxin-record-print");
        await doctor.EmulateMediaAsync(new() { Media = Media.Screen });

        // Two weeks on (the doctor's and nurse's sign-ins have long expired) the nurse records the peak review.
        clock.Advance(TimeSpan.FromDays(14));
        var reviewDay = Today();
        Assert.Equal(sessionDay.AddDays(14), reviewDay);
        nurse = await WatchedAsync(TestUsers.Nurse);
        await nurse.GotoAsync($"/Patients/Details/{patient.Id}");
        toxinCard = nurse.GetByRole(AriaRole.Region, new() { Name = "Botulinum toxin" });
        await Expect(toxinCard.GetByRole(AriaRole.Link, new() { Name = "Record a session" })).ToHaveCountAsync(0);
        await Expect(toxinCard).ToContainTextAsync($"Next injection due {Shown(sessionDay.AddDays(84))}");
        await toxinCard.GetByRole(AriaRole.Link, new() { Name = "Peak review (2–4 weeks)" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Review the toxin session of {Shown(sessionDay)}");
        await Expect(nurse.GetByLabel("This review is the")).ToHaveValueAsync("ToxinPeakReview");
        await nurse.GetByRole(AriaRole.Group, new() { Name = "Response at its peak" })
            .GetByRole(AriaRole.Radio, new() { Name = "Good", Exact = true }).CheckAsync();
        await nurse.GetByLabel("Improvement (%)").FillAsync("80");
        await nurse.GetByLabel("Onset day").FillAsync("4");
        var ptosis = nurse.GetByRole(AriaRole.Group, new() { Name = "Ptosis", Exact = true });
        await ptosis.GetByLabel("Present").CheckAsync();
        await ptosis.GetByLabel("Severity").SelectOptionAsync(new SelectOptionValue { Label = "Mild" });
        await ptosis.GetByLabel("Started on").FillAsync(Iso(sessionDay.AddDays(5)));
        await ptosis.GetByLabel("Resolved on").FillAsync(Iso(sessionDay.AddDays(12)));
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();

        await Expect(nurse.GetByRole(AriaRole.Status).Filter(new() { HasText = "Review saved." })).ToBeVisibleAsync();
        var cycle = toxinCard.GetByRole(AriaRole.Table, new() { Name = "Sessions, newest first" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = Shown(sessionDay) });
        await Expect(cycle).ToContainTextAsync("Botox");
        await Expect(cycle).ToContainTextAsync("13.5 U");
        await Expect(cycle).ToContainTextAsync("Good, 80 %");
        await Expect(cycle).ToContainTextAsync("day 4");
        await Expect(cycle.GetByRole(AriaRole.Listitem)).ToContainTextAsync("Ptosis");
        await Expect(toxinCard.GetByRole(AriaRole.Link, new() { Name = "Peak review (2–4 weeks)" })).ToHaveCountAsync(0);
        await SaveAsync(nurse, "toxin-patient-card", toxinCard);

        // The front desk's recall list, filtered to the site: not yet at two weeks; listed when due at twelve.
        var desk = await WatchedAsync(TestUsers.FrontDesk);
        await NavigateAsync(desk, "Recall list");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Toxin recall list", Exact = true }).ClickAsync();
        await desk.GetByLabel("Site of the last session").SelectOptionAsync(new SelectOptionValue { Label = site.Name });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toxin recall list");
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
        await desk.GetByRole(AriaRole.Navigation, new() { Name = "Due window" })
            .GetByRole(AriaRole.Link, new() { Name = "All patients on toxin" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("in 70 days");

        clock.Advance(TimeSpan.FromDays(70));
        Assert.Equal(sessionDay.AddDays(84), Today());
        desk = await WatchedAsync(TestUsers.FrontDesk);
        await NavigateAsync(desk, "Recall list");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Toxin recall list", Exact = true }).ClickAsync();
        await desk.GetByLabel("Site of the last session").SelectOptionAsync(new SelectOptionValue { Label = site.Name });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var due = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(due).ToHaveCountAsync(1);
        await Expect(due).ToContainTextAsync(patient.Mrn);
        await Expect(due).ToContainTextAsync(site.Name);
        await Expect(due).ToContainTextAsync(Shown(sessionDay));
        await Expect(due).ToContainTextAsync("Due today");
        await Expect(desk.GetByRole(AriaRole.Table)).Not.ToContainTextAsync("Botox"); // nothing clinical for the front desk
        await SaveAsync(desk, "toxin-recall-list");

        Assert.True(_browserErrors.Count == 0, "Errors in the browser:\n" + string.Join("\n", _browserErrors));
    }

    /// <summary>
    /// A signed-in window whose script errors and console errors (CSP violations among them) are collected from the
    /// first page after the sign-in on. The missing /favicon.ico (a 404 the browser asks for by itself) is not the
    /// journey's business.
    /// </summary>
    private async Task<IPage> WatchedAsync(TestUser user)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, user);
        page.PageError += (_, error) => _browserErrors.Add($"{page.Url}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                _browserErrors.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };
        return page;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static async Task SaveAsync(IPage page, string name, ILocator? element = null)
    {
        await page.Mouse.MoveAsync(0, 0);
        var path = Path.Combine(RepositoryPaths.Screenshots, name + ".png");
        if (element is not null)
        {
            await element.ScreenshotAsync(new LocatorScreenshotOptions
            {
                Path = path,
                Animations = ScreenshotAnimations.Disabled,
                Caret = ScreenshotCaret.Hide,
            });
            return;
        }

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }
}
