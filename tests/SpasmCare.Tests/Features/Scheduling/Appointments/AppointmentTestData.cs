using System.Globalization;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Tests.Features.Scheduling.Appointments;

/// <summary>A site with rooms and a practitioner who works there every day, straight into the database (an admin's set-up).</summary>
public static class AppointmentTestData
{
    public sealed record Clinic(Guid SiteId, IReadOnlyList<Guid> RoomIds, Guid PractitionerId, string TimeZoneId);

    public static async Task<Clinic> AddClinicAsync(this AppFactory app, string timeZone = Site.DefaultTimeZone, int rooms = 1,
        string start = "09:00", string end = "13:00", Guid? userId = null, SiteKind kind = SiteKind.Clinic, bool theatre = false)
    {
        return await app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = TestData.UniqueWord("Clinic "), Kind = kind, HasOperatingTheatre = theatre, Address = "1 Clinic Road", City = "Pune",
                PinCode = "411001", Phone = "020 1234 5678", TimeZoneId = timeZone,
            };
            db.Sites.Add(site);
            var roomList = Enumerable.Range(1, rooms)
                .Select(i => new ScheduleResource { Kind = ResourceKind.Room, Name = "Room " + i, SiteId = site.Id }).ToList();
            db.ScheduleResources.AddRange(roomList);
            var practitioner = new ScheduleResource
            {
                Kind = ResourceKind.Practitioner, Name = TestData.UniqueWord("Dr "), Role = PractitionerRole.Doctor, UserId = userId,
            };
            db.ScheduleResources.Add(practitioner);
            db.WeeklyAvailabilities.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new WeeklyAvailability
            {
                ResourceId = practitioner.Id, SiteId = site.Id, Day = d, ValidFrom = new DateOnly(2026, 1, 1),
                StartTime = TimeOnly.Parse(start, CultureInfo.InvariantCulture), EndTime = TimeOnly.Parse(end, CultureInfo.InvariantCulture),
            }));
            await db.SaveChangesAsync();
            return new Clinic(site.Id, roomList.Select(r => r.Id).ToList(), practitioner.Id, timeZone);
        });
    }

    public static string BookUrl(Guid patientId, Clinic clinic, DateOnly date, string time, string type = AppointmentTypeSeed.InjectionVisit,
        Guid? practitionerId = null) =>
        $"/Schedule/Book?patientId={patientId}&type={type}&siteId={clinic.SiteId}&practitionerId={practitionerId ?? clinic.PractitionerId}"
        + $"&date={SurgeryTestData.Iso(date)}&time={time}";

    public static Dictionary<string, string> BookFields(Guid patientId, Clinic clinic, DateOnly date, string time,
        string type = AppointmentTypeSeed.InjectionVisit, Guid? practitionerId = null, string source = "Desk") => new()
    {
        ["Input.PatientId"] = patientId.ToString(),
        ["Input.TypeCode"] = type,
        ["Input.SiteId"] = clinic.SiteId.ToString(),
        ["Input.PractitionerId"] = (practitionerId ?? clinic.PractitionerId).ToString(),
        ["Input.Date"] = SurgeryTestData.Iso(date),
        ["Input.Time"] = time,
        ["Input.Source"] = source,
        ["Input.Note"] = "",
    };

    /// <summary>Books through the page (the confirm form of a chosen free slot); returns the response.</summary>
    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, Guid patientId, Clinic clinic, DateOnly date, string time,
        string type = AppointmentTypeSeed.InjectionVisit, Guid? practitionerId = null, Dictionary<string, string>? fields = null) =>
        client.PostFormAsync(BookUrl(patientId, clinic, date, time, type, practitionerId),
            fields ?? BookFields(patientId, clinic, date, time, type, practitionerId), "/Schedule/Book");

    /// <summary>Books and returns the new appointment's id (from the redirect to its page).</summary>
    public static async Task<Guid> BookedAsync(this HttpClient client, Guid patientId, Clinic clinic, DateOnly date, string time,
        string type = AppointmentTypeSeed.InjectionVisit, Guid? practitionerId = null)
    {
        var response = await client.BookAsync(patientId, clinic, date, time, type, practitionerId);
        return IdOf(response);
    }

    public static Guid IdOf(HttpResponseMessage response)
    {
        var location = Redirects.LocationOf(response);
        Assert.StartsWith("/Appointments/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/Appointments/".Length..].Split('?', '/')[0]);
    }

    /// <summary>Posts one of the appointment page's buttons (check in, no-show, complete, cancel) with the version shown on it.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string handler, Dictionary<string, string>? fields = null,
        string? version = null)
    {
        var html = await client.GetStringAsync($"/Appointments/{id}");
        var form = new Dictionary<string, string>(fields ?? [])
        {
            ["Version"] = version ?? PageHtml.ValueOf(html, "Version"),
            ["__RequestVerificationToken"] = FormPost.TokenOf(html),
        };
        return await client.PostAsync($"/Appointments/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }
}
