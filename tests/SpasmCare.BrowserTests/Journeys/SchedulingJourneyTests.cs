using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.BrowserTests.Infrastructure;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

/// <summary>
/// Issue 8's journey, on a clock the test moves: the front desk finds the first free slot for an injection visit at
/// a chosen site from the patient's page, books it, then moves it to the next week; the patient's SMS reminders follow in Hindi
/// (the old ones cancelled); the doctor finds the appointment on their day list and its printable version.
/// </summary>
/// <remarks>
/// The site, its room, the weekly session and the patient are this journey's own, and every page is filtered to that
/// site, so the other journeys on the same app (other sites, the clock moved by a year) change nothing it sees. The
/// site keeps Gulf time (UTC+4), neither the server's UTC nor the browser's India time, so a time shown in the wrong
/// zone shows as a wrong time. The doctor's practitioner record is reused when another test made one.
/// </remarks>
[Collection(ClockJourneyCollection.Name)]
public sealed partial class SchedulingJourneyTests(ClockJourneyApp app) : BrowserTest(app)
{
    private const string SiteName = "Gulf Outreach Clinic, Dubai";
    private const string SiteZone = "Asia/Dubai";
    private const string RoomName = "Consulting room 3";
    private const string PatientName = "Kamla Tiwari";

    /// <summary>Script errors and CSP violations of every page the journey opens.</summary>
    private readonly List<string> _browserErrors = [];

    [Fact]
    public async Task FrontDesk_BooksTheFirstFreeInjectionVisit_MovesIt_ReminderInHindi_DoctorSeesItOnTheDayList()
    {
        var clock = App.Time!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SiteZone);
        DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        DateTime Utc(DateOnly day, TimeOnly time) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), zone);

        // Monday 08:00 at the site, on a Monday still ahead of the shared clock (the other journeys move it on).
        var monday = Today().AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        clock.Advance(Utc(monday, new TimeOnly(8, 0)) - clock.GetUtcNow().UtcDateTime);
        Assert.Equal(monday, Today());
        var (site, patient, doctorName) = await SeedAsync(monday);

        // The session is on Wednesdays only: the first free slot is Wednesday's first, two days ahead, so both
        // reminders (2 days and 3 hours before) are still to come.
        var wednesday = monday.AddDays(2);
        var firstStartUtc = Utc(wednesday, new TimeOnly(9, 0));
        var desk = await WatchedAsync(TestUsers.FrontDesk);
        await desk.GotoAsync($"/Patients/Details/{patient.Id}");
        var appointmentsCard = desk.GetByRole(AriaRole.Region, new() { Name = "Appointments", Exact = true });
        await Expect(appointmentsCard).ToContainTextAsync("None booked.");
        await appointmentsCard.GetByRole(AriaRole.Link, new() { Name = "Book an appointment" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Book an appointment");
        await Expect(desk.GetByText($"For {PatientName}")).ToBeVisibleAsync();
        var find = desk.GetByRole(AriaRole.Form, new() { Name = "Find a free slot" });
        await find.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = SiteName });
        await find.GetByLabel("Type of appointment").SelectOptionAsync(new SelectOptionValue { Label = "Injection visit (20 min)" });
        await Expect(find.GetByLabel("Practitioner")).ToHaveValueAsync(""); // anyone: the first available
        await find.GetByRole(AriaRole.Button, new() { Name = "Find free slots" }).ClickAsync();

        var slotsCard = desk.GetByRole(AriaRole.Region, new() { Name = "First free slots" });
        await Expect(slotsCard).ToContainTextAsync($"Times are local at {SiteName} ({SiteZone})");
        var slots = slotsCard.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(slots).ToHaveCountAsync(1 + 12); // the header and twelve slots, 15 minutes apart
        var first = slots.Nth(1);
        await Expect(first.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync($"{Short(wednesday)}, 09:00");
        await Expect(first.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync(doctorName);
        await Expect(first.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(RoomName);
        await Expect(slots.Nth(2).GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync($"{Short(wednesday)}, 09:15");
        await first.GetByRole(AriaRole.Link, new() { Name = $"Choose {Short(wednesday)}, 09:00 with {doctorName}" }).ClickAsync();

        var confirm = desk.GetByRole(AriaRole.Region, new() { Name = "Confirm the booking" });
        await Expect(slots.Nth(1).GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("Chosen");
        await Expect(Detail(confirm, "Patient")).ToHaveTextAsync($"{PatientName} (MRN {patient.Mrn})");
        await Expect(Detail(confirm, "Appointment")).ToHaveTextAsync("Injection visit, 20 minutes");
        await Expect(Detail(confirm, "When")).ToHaveTextAsync($"{Long(wednesday)}, 09:00 ({SiteZone})");
        await Expect(Detail(confirm, "Where")).ToHaveTextAsync($"{SiteName}, {RoomName}");
        await Expect(Detail(confirm, "With")).ToHaveTextAsync(doctorName);
        await SaveAsync(desk, "schedule-book");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();

        // The appointment page, in the site's time.
        await Expect(desk).ToHaveURLAsync(AppointmentUrl());
        var appointmentId = Guid.Parse(AppointmentUrl().Match(desk.Url).Groups[1].Value);
        await Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "Booked." })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Injection visit on {Long(wednesday)}");
        var details = desk.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Expect(Detail(details, "When")).ToContainTextAsync($"09:00–09:20, {Short(wednesday)}");
        await Expect(Detail(details, "When")).ToContainTextAsync(SiteZone);
        await Expect(Detail(details, "Where")).ToHaveTextAsync($"{SiteName}, {RoomName}");
        await Expect(Detail(details, "With")).ToHaveTextAsync(doctorName);
        await Expect(Detail(details, "Status")).ToContainTextAsync("Booked");

        var booked = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId));
        Assert.Equal((patient.Id, site.Id, AppointmentStatus.Booked, AppointmentSource.PatientPage), (booked.PatientId, booked.SiteId, booked.Status, booked.Source));
        Assert.Equal(firstStartUtc, booked.StartUtc);
        Assert.Equal(firstStartUtc.AddMinutes(20), booked.EndUtc);
        var firstReminders = await RemindersAsync(appointmentId);
        Assert.Equal(2, firstReminders.Count);
        Assert.All(firstReminders, m => Assert.Equal((OutboxStatus.Pending, MessageChannel.Sms, "hi"), (m.Status, m.Channel, m.Language)));
        Assert.Equal([firstStartUtc.AddDays(-2), firstStartUtc.AddHours(-3)], firstReminders.Select(m => m.NextAttemptAtUtc).Order());

        // The desk moves it to the next Wednesday at 10:30.
        var nextWednesday = wednesday.AddDays(7);
        var movedStartUtc = Utc(nextWednesday, new TimeOnly(10, 30));
        await desk.GetByRole(AriaRole.Link, new() { Name = "Reschedule", Exact = true }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reschedule the appointment");
        var findAgain = desk.GetByRole(AriaRole.Form, new() { Name = "Find a new slot" });
        await Expect(findAgain.GetByLabel("Site", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(SiteName);
        await findAgain.GetByLabel("From").FillAsync(Iso(nextWednesday));
        await findAgain.GetByRole(AriaRole.Button, new() { Name = "Find free slots" }).ClickAsync();
        var newSlots = desk.GetByRole(AriaRole.Region, new() { Name = "First free slots" });
        await Expect(newSlots.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync($"{Short(nextWednesday)}, 09:00");
        await newSlots.GetByRole(AriaRole.Button, new() { Name = $"Move here ({Short(nextWednesday)}, 10:30 with {doctorName})" }).ClickAsync();

        await Expect(desk).ToHaveURLAsync(AppointmentUrl());
        Assert.EndsWith("/Appointments/" + appointmentId, desk.Url, StringComparison.Ordinal);
        await Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "Moved." })).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Injection visit on {Long(nextWednesday)}");
        await Expect(Detail(details, "When")).ToContainTextAsync($"10:30–10:50, {Short(nextWednesday)}");
        await Expect(Detail(details, "Booked from")).ToContainTextAsync("moved 1 time");

        // The reminders: the two old ones cancelled, two new ones waiting, in Hindi, for the new time.
        var moved = await App.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId));
        Assert.Equal((movedStartUtc, movedStartUtc.AddMinutes(20), 1, AppointmentStatus.Booked), (moved.StartUtc, moved.EndUtc, moved.RescheduleCount, moved.Status));
        var reminders = await RemindersAsync(appointmentId);
        Assert.Equal(4, reminders.Count);
        var old = reminders.Where(m => firstReminders.Any(f => f.Id == m.Id)).ToList();
        Assert.Equal(2, old.Count);
        Assert.All(old, m => Assert.Equal(OutboxStatus.Cancelled, m.Status));
        var pending = reminders.Where(m => m.Status == OutboxStatus.Pending).OrderBy(m => m.NextAttemptAtUtc).ToList();
        Assert.Equal([movedStartUtc.AddDays(-2), movedStartUtc.AddHours(-3)], pending.Select(m => m.NextAttemptAtUtc));
        foreach (var sms in pending)
        {
            Assert.Equal((MessageChannel.Sms, "hi", patient.Id, "+919819044275"), (sms.Channel, sms.Language, sms.PatientId, sms.ToAddress));
            Assert.Matches(Devanagari(), sms.TextBody);
            Assert.Contains("नमस्ते Kamla जी", sms.TextBody, StringComparison.Ordinal);
            Assert.Contains("बुधवार", sms.TextBody, StringComparison.Ordinal); // Wednesday
            Assert.Contains($"{nextWednesday.Day} ", sms.TextBody, StringComparison.Ordinal);
            Assert.Contains("10:30 बजे", sms.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("09:00", sms.TextBody, StringComparison.Ordinal);
            Assert.Contains("इंजेक्शन विज़िट", sms.TextBody, StringComparison.Ordinal);
            Assert.Contains(doctorName, sms.TextBody, StringComparison.Ordinal);
            Assert.StartsWith(SiteName + ":", sms.TextBody, StringComparison.Ordinal);
        }

        // And the appointment page lists them.
        var messages = desk.GetByRole(AriaRole.Region, new() { Name = "Reminders" });
        var messageRows = messages.GetByRole(AriaRole.Row);
        await Expect(messageRows).ToHaveCountAsync(1 + 4);
        await Expect(messageRows.Filter(new() { HasText = "Waiting" })).ToHaveCountAsync(2);
        await Expect(messageRows.Filter(new() { HasText = "Cancelled (appointment moved or cancelled)" })).ToHaveCountAsync(2);
        foreach (var row in await messageRows.Filter(new() { HasText = "Waiting" }).AllAsync())
        {
            await Expect(row.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("SMS");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("Hindi");
        }

        await SaveAsync(desk, "schedule-appointment");

        // The patient page's card has it at the new time.
        await desk.GotoAsync($"/Patients/Details/{patient.Id}");
        var upcoming = appointmentsCard.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Injection visit" });
        await Expect(upcoming).ToHaveCountAsync(1);
        await Expect(upcoming).ToContainTextAsync($"{Short(nextWednesday)}, 10:30 · Injection visit at {SiteName} with {doctorName}");

        // The doctor's day list for the new Wednesday, at this site: the appointment at 10:30; gone from the old day.
        var doctor = await WatchedAsync(TestUsers.Doctor);
        await NavigateAsync(doctor, "Schedule");
        await ShowDayAsync(doctor, doctorName, wednesday);
        await Expect(doctor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(Regex.Escape(PatientName)) })).ToHaveCountAsync(0);

        await ShowDayAsync(doctor, doctorName, nextWednesday);
        var day = doctor.GetByRole(AriaRole.Table).Filter(new() { HasText = SiteName });
        await Expect(day.Locator("caption")).ToContainTextAsync($"{SiteName},");
        await Expect(day.Locator("caption")).ToContainTextAsync($"Times in the site's time zone ({SiteZone})");
        await Expect(day.GetByRole(AriaRole.Columnheader).Nth(1)).ToContainTextAsync($"{doctorName} 09:00–13:00");
        var entry = day.GetByRole(AriaRole.Row).Filter(new() { Has = doctor.GetByRole(AriaRole.Rowheader, new() { Name = "10:30", Exact = true }) });
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = $"10:30–10:50 {PatientName}" })).ToBeVisibleAsync();
        await Expect(entry).ToContainTextAsync(patient.Mrn);
        await Expect(entry).ToContainTextAsync("Injection visit");
        await Expect(entry).ToContainTextAsync("Booked");
        await SaveAsync(doctor, "schedule-day");

        await doctor.GetByRole(AriaRole.Navigation, new() { Name = "Dates and views" })
            .GetByRole(AriaRole.Link, new() { Name = "Printable day list" }).ClickAsync();
        var list = doctor.GetByRole(AriaRole.Article);
        await Expect(list.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Day list: {doctorName}");
        await Expect(list.GetByRole(AriaRole.Heading, new() { Level = 2, Name = SiteName })).ToBeVisibleAsync();
        var line = list.GetByRole(AriaRole.Row).Filter(new() { HasText = PatientName });
        await Expect(line).ToHaveCountAsync(1);
        await Expect(line.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["10:30–10:50", PatientName, patient.Mrn, "Injection visit", "Booked"]);
        await doctor.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(doctor.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(doctor.GetByRole(AriaRole.Link, new() { Name = "Back to the calendar" })).ToBeHiddenAsync();

        Assert.True(_browserErrors.Count == 0, "Errors in the browser:\n" + string.Join("\n", _browserErrors));
    }

    /// <summary>
    /// The journey's own site (in Gulf time) with a room, the test doctor as a practitioner working there on Wednesdays
    /// 09:00–13:00 from <paramref name="from"/>, and a Hindi-speaking patient who agreed to contact and opted in to SMS.
    /// </summary>
    private async Task<(Site Site, Patient Patient, string DoctorName)> SeedAsync(DateOnly from)
    {
        var patient = await App.RegisterPatientAsync(new PatientInput
        {
            GivenName = "Kamla",
            FamilyName = "Tiwari",
            Sex = Sex.Female,
            BirthDate = new DateOnly(1971, 2, 9),
            Mobile = "9819044275",
            PreferredLanguage = Language.Hindi,
            ContactConsent = true,
        });
        Assert.Equal(PatientName, patient.GivenName + " " + patient.FamilyName);
        var now = App.Time!.GetUtcNow().UtcDateTime;
        return await App.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = SiteName, Kind = SiteKind.Clinic, Address = "Oud Metha Road", City = "Dubai",
                Phone = "+971 4 555 0134", TimeZoneId = SiteZone,
            };
            db.Sites.Add(site);
            db.ScheduleResources.Add(new ScheduleResource { Kind = ResourceKind.Room, Name = RoomName, SiteId = site.Id });

            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == TestUsers.Doctor.UserName);
            var doctor = await db.ScheduleResources.SingleOrDefaultAsync(r => r.Kind == ResourceKind.Practitioner && r.UserId == user.Id);
            if (doctor is null)
            {
                doctor = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = TestUsers.Doctor.DisplayName, UserId = user.Id, Role = PractitionerRole.Doctor };
                db.ScheduleResources.Add(doctor);
            }
            else
            {
                doctor.IsActive = true;
                doctor.Role = PractitionerRole.Doctor;
            }

            db.WeeklyAvailabilities.Add(new WeeklyAvailability
            {
                ResourceId = doctor.Id, SiteId = site.Id, Day = DayOfWeek.Wednesday,
                StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(13, 0), ValidFrom = from,
            });
            db.ContactPreferences.Add(new ContactPreference
            {
                PatientId = patient.Id, Channel = MessageChannel.Sms, OptedIn = true, Source = ContactPreferenceSource.Staff, ChangedAtUtc = now,
            });
            await db.SaveChangesAsync();
            return (site, patient, doctor.Name);
        });
    }

    private Task<List<OutboxMessage>> RemindersAsync(Guid appointmentId) =>
        App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == appointmentId).ToListAsync());

    /// <summary>The day view through its filter: this journey's site, the doctor, the date.</summary>
    private static async Task ShowDayAsync(IPage page, string practitioner, DateOnly date)
    {
        var filter = page.GetByRole(AriaRole.Form, new() { Name = "Choose the calendar" });
        await filter.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = SiteName });
        await filter.GetByLabel("Practitioner").SelectOptionAsync(new SelectOptionValue { Label = practitioner });
        await filter.GetByLabel("Date").FillAsync(Iso(date));
        await filter.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{practitioner}'s day, {Long(date)}");
    }

    /// <summary>The value (dd) of the term (dt) <paramref name="term"/> in a definition list.</summary>
    private static ILocator Detail(ILocator scope, string term) =>
        scope.Locator($"dt:text-is('{term}') + dd");

    /// <summary>A signed-in window whose script errors and console errors (CSP violations among them) are collected.</summary>
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

    /// <summary>As the slot lists show a date: "Wed 2 Dec 2026".</summary>
    private static string Short(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>As the booking and appointment pages spell a date out: "Wednesday 2 December 2026".</summary>
    private static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static async Task SaveAsync(IPage page, string name)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }

    [GeneratedRegex(@"/Appointments/([0-9a-f-]{36})$")]
    private static partial Regex AppointmentUrl();

    [GeneratedRegex(@"\p{IsDevanagari}")]
    private static partial Regex Devanagari();
}
