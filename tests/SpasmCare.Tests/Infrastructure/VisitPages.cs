using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Sites, visits and examinations made the way staff make them: through the pages (sites directly).</summary>
public static class VisitPages
{
    /// <summary>An open site (sites are an admin's business; tests add one straight to the database).</summary>
    public static Task<Guid> AddSiteAsync(this AppFactory app, string? name = null, string timeZone = Site.DefaultTimeZone) =>
        app.WithDbAsync(async db =>
        {
            var site = new Site { Name = name ?? TestData.UniqueWord("Clinic "), City = "Pune", TimeZoneId = timeZone };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site.Id;
        });

    public static Dictionary<string, string> VisitFields(
        Guid siteId, Guid clinicianId, string date = "2026-11-23", string time = "10:30",
        VisitType type = VisitType.NewConsultation, string note = "") => new()
    {
        ["Input.Date"] = date,
        ["Input.Time"] = time,
        ["Input.SiteId"] = siteId.ToString(),
        ["Input.ClinicianId"] = clinicianId.ToString(),
        ["Input.Type"] = type.ToString(),
        ["Input.Note"] = note,
    };

    /// <summary>Records a visit through the New visit page and returns its id.</summary>
    public static async Task<Guid> RecordVisitAsync(this HttpClient client, Guid patientId, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/Patients/{patientId}/Visits/New", fields);
        return VisitIdOf(patientId, response);
    }

    /// <summary>The visit id of a redirect to <c>/Patients/{patientId}/Visits/{id}</c>.</summary>
    public static Guid VisitIdOf(Guid patientId, HttpResponseMessage response)
    {
        var prefix = $"/Patients/{patientId}/Visits/";
        var location = Redirects.LocationOf(response);
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location[prefix.Length..]);
    }

    /// <summary>The examination id of a redirect to <c>/Patients/{patientId}/Examinations/{id}</c>.</summary>
    public static Guid ExaminationIdOf(Guid patientId, HttpResponseMessage response)
    {
        var prefix = $"/Patients/{patientId}/Examinations/";
        var location = Redirects.LocationOf(response);
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location[prefix.Length..]);
    }

    /// <summary>The form fields a doctor would fill in for <paramref name="exam"/> (unrecorded findings: "not examined").</summary>
    public static List<KeyValuePair<string, string>> ExaminationFieldsOf(FacialExamination exam, string? amendmentReason = null)
    {
        var input = ExaminationInput.From(exam);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Side", input.Side.ToString()),
            new("Input.OnsetRegion", input.OnsetRegion?.ToString() ?? ""),
            new("Input.Spread", input.Spread.ToString()),
            new("Input.Contraction", input.Contraction.ToString()),
            new("Input.AgeAtOnsetYears", input.AgeAtOnsetYears?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.DurationMonths", input.DurationMonths?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.AggravatingFactors", input.AggravatingFactors ?? ""),
            new("Input.RelievingFactors", input.RelievingFactors ?? ""),
        };
        fields.AddRange(input.InvolvedRegions.Select(r => new KeyValuePair<string, string>("Input.InvolvedRegions", r.ToString())));
        fields.AddRange(ExaminationFields.AllFindings.Select(f => new KeyValuePair<string, string>(
            "Input." + f.Name, f.Value(input) switch { true => "true", false => "false", null => "" })));
        if (amendmentReason is not null)
        {
            fields.Add(new("Input.AmendmentReason", amendmentReason));
        }

        return fields;
    }
}
