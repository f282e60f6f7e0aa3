using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace SpasmCare.Web.Features.PublicSite;

/// <summary>
/// Markdown to HTML for the public pages. Everything is sanitised on the way out, whatever is stored: scripts,
/// event handlers, styles and links other than http, https, mailto and tel are removed.
/// </summary>
public sealed partial class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) =>
        new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline)));

    /// <summary>
    /// As <see cref="Render(string?)"/>, and links to other public pages (/Clinic…, /Contact) keep the visitor's
    /// language, so that a Hindi or Marathi reader of an English fallback stays in their language.
    /// </summary>
    public IHtmlContent Render(string? markdown, string languageCode)
    {
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline));
        return new HtmlString(languageCode == "en"
            ? html
            : PublicLinkRegex().Replace(html, m => $"href=\"{m.Groups[1].Value}?lang={languageCode}\""));
    }

    [GeneratedRegex("href=\"(/(?:Clinic|Contact)(?:/[a-zA-Z0-9-]+)?)\"")]
    private static partial Regex PublicLinkRegex();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        return sanitizer;
    }
}
