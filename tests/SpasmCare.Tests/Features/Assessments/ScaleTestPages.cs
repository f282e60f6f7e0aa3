using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Assessments;

/// <summary>Records scale scores through the real form, the way a clinician does, and reads what the pages show.</summary>
internal static partial class ScaleTestPages
{
    public static string NewUrl(Guid patientId, string instrument, Guid? visitId = null) =>
        $"/Patients/{patientId}/Scales/New?instrument={instrument}" + (visitId is { } v ? $"&visitId={v}" : "");

    /// <summary>
    /// Opens the form and posts <paramref name="answers"/> ("Q1=3 Q2=NA Q3=", blank = not answered), with the
    /// form's own version and, unless given, its default time and mode.
    /// </summary>
    public static async Task<HttpResponseMessage> PostScaleAsync(
        this HttpClient client, string url, string answers, string? assessedAt = null, string? mode = null,
        string? reason = null, Dictionary<string, string>? extra = null)
    {
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", FormPost.TokenOf(html)),
            new("Input.Version", PageHtml.ValueOf(html, "Input.Version")),
            new("Input.AssessedAt", assessedAt ?? PageHtml.ValueOf(html, "Input.AssessedAt")),
            new("Input.Mode", mode ?? CheckedMode(html)),
        };
        if (html.Contains("name=\"Input.VisitId\"", StringComparison.Ordinal))
        {
            fields.Add(new("Input.VisitId", PageHtml.ValueOf(html, "Input.VisitId")));
        }

        if (reason is not null)
        {
            fields.Add(new("Input.Reason", reason));
        }

        foreach (var pair in answers.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            fields.Add(new($"Input.Answers[{parts[0]}]", parts[1]));
        }

        foreach (var (key, value) in extra ?? [])
        {
            fields.Add(new(key, value));
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Records a score and returns its id (from the redirect to its page).</summary>
    public static async Task<Guid> RecordAsync(
        this HttpClient client, Guid patientId, string instrument, string answers, string? assessedAt = null)
    {
        var response = await client.PostScaleAsync(NewUrl(patientId, instrument), answers, assessedAt);
        return ScoreIdOf(response, patientId);
    }

    public static Guid ScoreIdOf(HttpResponseMessage response, Guid patientId)
    {
        var location = Redirects.LocationOf(response);
        var prefix = $"/Patients/{patientId}/Scales/";
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return Guid.Parse(location[prefix.Length..]);
    }

    /// <summary>The parsed JSON data block of an instrument's chart on a page.</summary>
    public static JsonElement ChartData(string html, string code)
    {
        var match = Regex.Match(html,
            $"<script type=\"application/json\" id=\"scale-chart-data-{Regex.Escape(code)}\">(.*?)</script>",
            RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"No chart data block for {code}.");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement.Clone();
    }

    private static string CheckedMode(string html)
    {
        var match = ModeRegex().Match(html);
        Assert.True(match.Success, "No rating mode is chosen on the form.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<input type=\"radio\" id=\"mode-[A-Za-z]+\" name=\"Input.Mode\" value=\"([A-Za-z]+)\" checked=\"checked\"")]
    private static partial Regex ModeRegex();
}
