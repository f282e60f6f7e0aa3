using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Public;

/// <summary>
/// A public information page (anonymous) at /Clinic or /Clinic/{slug}, in the visitor's language, or in English
/// with a note when no translation exists yet. The stored Markdown is sanitised as it is rendered.
/// </summary>
public sealed class IndexModel(SpasmCareDbContext db, MarkdownRenderer renderer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? LanguageCode { get; set; }

    public Language Lang => ContactLanguage.Parse(LanguageCode);
    public string Code => ContactLanguage.Code(Lang);
    public ContentPage Shown { get; private set; } = new();
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>True when the page is shown in English because the visitor's language has no version yet.</summary>
    public bool IsFallback { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken ct)
    {
        slug ??= PublicPages.Home;
        if (!PublicPages.IsKnown(slug))
        {
            return NotFound();
        }

        var versions = await db.ContentPages.AsNoTracking()
            .Where(p => p.Slug == slug && (p.Language == Code || p.Language == "en"))
            .ToListAsync(ct);
        var page = versions.Find(p => p.Language == Code) ?? versions.Find(p => p.Language == "en");
        if (page is null)
        {
            return NotFound();
        }

        Shown = page;
        IsFallback = page.Language != Code;
        Body = renderer.Render(page.Markdown, Code);
        ViewData["Language"] = Lang;
        ViewData["Section"] = PublicPages.SectionOf(slug);
        ViewData["Title"] = page.Title;
        ViewData["Description"] = page.MetaDescription;
        return Page();
    }
}
