using System.Net;
using System.Text.RegularExpressions;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Reads what a person would read off a rendered page: form values, one-time secrets, table rows.</summary>
public static partial class PageHtml
{
    /// <summary>The value of the first input named <paramref name="name"/> (tag helpers write name before value).</summary>
    public static string ValueOf(string html, string name)
    {
        var match = Regex.Match(html, "<input[^>]*\\sname=\"" + Regex.Escape(name) + "\"[^>]*\\svalue=\"([^\"]*)\"",
            RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"No input named {name} with a value on the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Whether the page has a checkbox named <paramref name="name"/>.</summary>
    public static bool HasCheckbox(string html, string name) =>
        Regex.IsMatch(html, "<input(?=[^>]*\\stype=\"checkbox\")(?=[^>]*\\sname=\"" + Regex.Escape(name) + "\")[^>]*>",
            RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Texts shown in <c>&lt;span class="secret"&gt;</c>: one-time passwords, API tokens, authenticator keys.</summary>
    public static List<string> Secrets(string html) =>
        SecretRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The cells of every body row of every table on the page, as plain text.</summary>
    public static List<string[]> TableRows(string html) =>
        BodyRegex().Matches(html)
            .SelectMany(body => RowRegex().Matches(body.Groups[1].Value))
            .Select(row => CellRegex().Matches(row.Groups[1].Value).Select(c => TextOf(c.Groups[1].Value)).ToArray())
            .ToList();

    /// <summary>The page with tags removed and white space collapsed.</summary>
    public static string TextOf(string html) =>
        WebUtility.HtmlDecode(SpaceRegex().Replace(TagRegex().Replace(html, " "), " ")).Trim();

    [GeneratedRegex("<span class=\"secret\">([^<]*)</span>")]
    private static partial Regex SecretRegex();

    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex BodyRegex();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();

    [GeneratedRegex("\\s+")]
    private static partial Regex SpaceRegex();
}
