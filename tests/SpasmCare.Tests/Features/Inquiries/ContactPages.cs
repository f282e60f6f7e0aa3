using System.Net;
using SpasmCare.Tests.Infrastructure;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>The public form as a browser uses it: GET it (antiforgery token and idempotency key), then POST.</summary>
public static class ContactPages
{
    public sealed record OpenForm(string Token, string IdempotencyKey, string Html);

    public static async Task<OpenForm> OpenAsync(this HttpClient client, string lang = "en")
    {
        var get = await client.GetAsync("/Contact?lang=" + lang);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        return new OpenForm(FormPost.TokenOf(html), PageHtml.ValueOf(html, "Input.IdempotencyKey"), html);
    }

    /// <summary>A valid inquiry; every name and address is unique so tests never see each other's rows.</summary>
    public static Dictionary<string, string> Valid(string? name = null, string? email = null, string? message = null) => new()
    {
        ["Input.Name"] = name ?? TestData.UniqueWord("Asha") + " " + TestData.UniqueWord("Gokhale"),
        ["Input.Email"] = email ?? TestData.UniqueWord("visitor") + "@example.com",
        ["Input.Mobile"] = TestData.UniqueMobile(),
        ["Input.Message"] = message ?? "My left eye has twitched for two years and now my mouth pulls too.",
        ["Input.Consent"] = "true",
        ["Input.Side"] = "Left",
        ["Input.StartedAt"] = "AroundEye",
        ["Input.CheekOrMouth"] = "Yes",
        ["Input.Duration"] = "OneTo5Years",
        ["Input.AgeAtOnset"] = "52",
        ["Input.EarlierToxin"] = "Never",
        ["Input.EarlierMri"] = "No",
        ["Input.FacialWeakness"] = "No",
        ["Input.HearingLoss"] = "No",
        ["Input.EarlierFacialPalsy"] = "No",
        ["Input.PreferredLanguage"] = "English",
        ["Input.Website"] = "",
    };

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, OpenForm form,
        IDictionary<string, string> fields, string lang = "en")
    {
        var body = fields
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", form.Token))
            .Where(f => f.Key != "Input.IdempotencyKey")
            .Append(new KeyValuePair<string, string>("Input.IdempotencyKey", fields.TryGetValue("Input.IdempotencyKey", out var key) ? key : form.IdempotencyKey));
        return await client.PostAsync("/Contact?lang=" + lang, new FormUrlEncodedContent(body));
    }

    /// <summary>Opens the form and sends it; returns the reference from the thank-you redirect.</summary>
    public static async Task<string> SubmitAsync(this HttpClient client, IDictionary<string, string> fields, string lang = "en")
    {
        var form = await client.OpenAsync(lang);
        var response = await client.PostAsync(form, fields, lang);
        return ReferenceOf(response);
    }

    public static string ReferenceOf(HttpResponseMessage response)
    {
        var location = Redirects.LocationOf(response);
        Assert.StartsWith("/Contact/Thanks?reference=", location, StringComparison.Ordinal);
        return WebUtility.UrlDecode(location["/Contact/Thanks?reference=".Length..].Split('&')[0]);
    }
}
