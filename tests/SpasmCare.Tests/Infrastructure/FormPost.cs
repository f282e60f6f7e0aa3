using System.Net;
using System.Text.RegularExpressions;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Posts a page's form the way a browser does: GET the page, take its antiforgery token, POST the fields.</summary>
public static partial class FormPost
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var get = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var html = await get.Content.ReadAsStringAsync();
        var token = TokenOf(html);
        var form = fields.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    public static string TokenOf(string html)
    {
        var matches = TokenRegex().Matches(html);
        Assert.NotEmpty(matches);
        return WebUtility.HtmlDecode(matches[^1].Groups[1].Value);
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
