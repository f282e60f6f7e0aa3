using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// MVD cases made the way staff make them — referral, checklist, booking, operation, stay — through the pages;
/// hospitals and surgeons (an admin's business) straight into the database. Owned by the pathway tests; the
/// outcome tests may read it.
/// </summary>
public static partial class SurgeryTestData
{
    public static string CaseUrl(Guid patientId, Guid caseId, string tail = "") =>
        $"/Patients/{patientId}/Surgery/Cases/{caseId}" + (tail.Length == 0 ? "" : "/" + tail);

    /// <summary>A partner hospital with an operating theatre.</summary>
    public static Task<Guid> AddHospitalAsync(this AppFactory app, string timeZone = Site.DefaultTimeZone, bool theatre = true,
        bool active = true, SiteKind kind = SiteKind.Hospital) =>
        app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = TestData.UniqueWord("Hospital "), Kind = kind, HasOperatingTheatre = theatre, IsActive = active,
                Address = "1 Hospital Road", City = "Pune", PinCode = "411001", Phone = "020 1234 5678", TimeZoneId = timeZone,
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site.Id;
        });

    /// <summary>A new doctor account (a surgeon to book with).</summary>
    public static Task<Guid> AddSurgeonAsync(this AppFactory app, string role = Roles.Doctor) =>
        app.CreateUserAsync(role, TestData.UniqueWord("surgeon"), "Surgeon-password-1");

    /// <summary>Today at the clinic (Asia/Kolkata), by the app's fake clock.</summary>
    public static DateOnly Today(this AppFactory app) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Time.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(Site.DefaultTimeZone)));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, string> Referral(string side = "Left") => new()
    {
        ["Input.Indication"] = "Left HFS for 6 years, toxin benefit now 6 weeks; wants a lasting cure.",
        ["Input.Side"] = side,
        ["Input.SmcGrade"] = "3",
        ["Input.Hfs7"] = "14",
        ["Input.ImagingStudyId"] = "",
        ["Input.RedoCause"] = "Unknown",
    };

    /// <summary>Registers a patient and refers them (as a doctor); returns both ids.</summary>
    public static async Task<(Guid PatientId, Guid CaseId)> ReferAsync(this HttpClient doctor, Dictionary<string, string>? fields = null)
    {
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var caseId = await doctor.ReferAsync(patientId, fields);
        return (patientId, caseId);
    }

    public static async Task<Guid> ReferAsync(this HttpClient doctor, Guid patientId, Dictionary<string, string>? fields = null, string query = "")
    {
        var response = await doctor.PostFormAsync($"/Patients/{patientId}/Surgery/Cases/New{query}", fields ?? Referral());
        return CaseIdOf(patientId, response);
    }

    /// <summary>The case id of a redirect to the case page.</summary>
    public static Guid CaseIdOf(Guid patientId, HttpResponseMessage response)
    {
        var location = Redirects.LocationOf(response).Split('?', '#')[0];
        var prefix = $"/Patients/{patientId}/Surgery/Cases/";
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location[prefix.Length..].Split('/')[0]);
    }

    /// <summary>A complete checklist (every risk ticked), dated <paramref name="on"/>.</summary>
    public static List<KeyValuePair<string, string>> Checklist(DateOnly on, bool complete = true)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.ImagingShowsContact", complete ? "true" : "false"),
            new("Input.AudiogramOn", Iso(on)),
            new("Input.AudiogramResult", "Normal hearing both sides"),
            new("Input.BaepBaselineOn", ""),
            new("Input.AnaesthesiaFitOn", Iso(on)),
            new("Input.AnaesthesiaNote", "ASA 1"),
            new("Input.ConsentOn", Iso(on)),
            new("Input.ConsentTakenBy", "Dr Test"),
            new("Input.MedicationsToStop", "Aspirin 7 days before"),
            new("Input.MedicationsReviewed", "true"),
        };
        fields.AddRange(new[] { "HearingLoss", "FacialPalsy", "CsfLeak", "Stroke", "Death", "Recurrence", "DelayedCure" }
            .Select(r => new KeyValuePair<string, string>("Input.Risks", r)));
        return fields;
    }

    public static Dictionary<string, string> Booking(Guid hospitalId, Guid surgeonId, DateOnly date, string start = "09:00",
        int minutes = 180, string theatre = "OT 1") => new()
    {
        ["Input.HospitalSiteId"] = hospitalId.ToString(),
        ["Input.Theatre"] = theatre,
        ["Input.Date"] = Iso(date),
        ["Input.StartTime"] = start,
        ["Input.Minutes"] = minutes.ToString(CultureInfo.InvariantCulture),
        ["Input.SurgeonId"] = surgeonId.ToString(),
        ["Input.AssistantName"] = "Dr Assistant",
        ["Input.AnaesthetistName"] = "Dr Anaesthetist",
    };

    /// <summary>An operation on <paramref name="date"/> 09:15–11:45 with an LSR timeline that disappears after the second step.</summary>
    public static List<KeyValuePair<string, string>> Operation(DateOnly date, string start = "09:15", string end = "11:45")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(date),
            ["Input.StartTime"] = start,
            ["Input.EndTime"] = end,
            ["Input.Side"] = "Left",
            ["Input.Approach"] = "Retrosigmoid",
            ["Input.SurgeonName"] = "Dr Surgeon",
            ["Input.CompressionSite"] = "RootExitZone",
            ["Input.CompressionSites"] = "2",
            ["Input.Indentation"] = "true",
            ["Input.Implant"] = "Teflon felt",
            ["Input.LsrBaselinePresent"] = "true",
            ["Input.LsrBaselineAmplitudeUv"] = "150",
            ["Input.LsrBaselineLatencyMs"] = "10.2",
            ["Input.Readings[0].Step"] = "AICA mobilised",
            ["Input.Readings[0].Time"] = "10:05",
            ["Input.Readings[0].Present"] = "true",
            ["Input.Readings[0].AmplitudeUv"] = "80",
            ["Input.Readings[0].LatencyMs"] = "10.4",
            ["Input.Readings[1].Step"] = "Teflon placed",
            ["Input.Readings[1].Time"] = "10:20",
            ["Input.Readings[1].Present"] = "false",
            ["Input.Readings[2].Step"] = "",
            ["Input.Readings[2].Time"] = "",
            ["Input.LsrFinal"] = "Disappeared",
            ["Input.LsrDisappearedAt"] = "10:20",
            ["Input.BaepLatencyChangeMs"] = "0.4",
            ["Input.BaepAmplitudeChangePercent"] = "-20",
            ["Input.RedoCause"] = "Unknown",
            ["Input.Notes"] = "Uneventful.",
        };
        var all = fields.ToList();
        all.Add(new("Input.Vessels", "Aica"));
        all.Add(new("Input.Vessels", "Pica"));
        all.Add(new("Input.Techniques", "Interposition"));
        return all;
    }

    /// <summary>GETs the page for its antiforgery token and <c>Input.Version</c>, then posts the fields with them.</summary>
    public static async Task<HttpResponseMessage> PostVersionedAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string? version = null, string? postUrl = null)
    {
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        var form = fields.Where(f => f.Key != "Input.Version").ToList();
        form.Add(new("Input.Version", version ?? PageHtml.ValueOf(html, "Input.Version")));
        form.Add(new("__RequestVerificationToken", FormPost.TokenOf(html)));
        return await client.PostAsync(postUrl ?? url, new FormUrlEncodedContent(form));
    }

    public static async Task CompleteChecklistAsync(this HttpClient client, AppFactory app, Guid patientId, Guid caseId) =>
        (await client.PostVersionedAsync(CaseUrl(patientId, caseId, "Checklist"), Checklist(app.Today()))).EnsureRedirect();

    /// <summary>A referred case with a complete checklist, booked on <paramref name="date"/> (today minus 2 days unless given).</summary>
    public static async Task<(Guid PatientId, Guid CaseId, Guid HospitalId, Guid SurgeonId)> BookedCaseAsync(
        this HttpClient doctor, AppFactory app, DateOnly? date = null, string start = "09:00", string? theatre = null)
    {
        var (patientId, caseId) = await doctor.ReferAsync();
        await doctor.CompleteChecklistAsync(app, patientId, caseId);
        var hospitalId = await app.AddHospitalAsync();
        var surgeonId = await app.AddSurgeonAsync();
        var response = await doctor.PostVersionedAsync(CaseUrl(patientId, caseId, "Book"),
            Booking(hospitalId, surgeonId, date ?? app.Today().AddDays(-2), start, theatre: theatre ?? TestData.UniqueWord("OT ")));
        response.EnsureRedirect();
        return (patientId, caseId, hospitalId, surgeonId);
    }

    /// <summary>A booked case operated two days ago (the booking's date).</summary>
    public static async Task<(Guid PatientId, Guid CaseId)> OperatedCaseAsync(this HttpClient doctor, AppFactory app)
    {
        var date = app.Today().AddDays(-2);
        var (patientId, caseId, _, _) = await doctor.BookedCaseAsync(app, date);
        (await doctor.PostVersionedAsync(CaseUrl(patientId, caseId, "Operation"), Operation(date))).EnsureRedirect();
        return (patientId, caseId);
    }

    /// <summary>Fails unless the response is the sign-in's "access denied" (a role that may not use the page).</summary>
    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);

    /// <summary>Fails unless <paramref name="message"/> is shown beside the field <paramref name="name"/>.</summary>
    public static void AssertErrorBeside(string html, string name, string message) =>
        Assert.Matches(new Regex("data-valmsg-for=\"" + Regex.Escape(name) + "\"[^>]*>[^<]*" + Regex.Escape(message)), html);
}
