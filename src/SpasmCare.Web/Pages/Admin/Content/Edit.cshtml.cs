using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Admin.Content;

/// <summary>Edit one public page in one language, with a server-side preview of the sanitised result.</summary>
public sealed class EditModel(SpasmCareDbContext db, SaveContentPage.Handler handler, MarkdownRenderer renderer) : PageModel
{
    [BindProperty] public SaveContentPage.Request Input { get; set; } = new();

    public string Slug { get; private set; } = "";
    public string Lang { get; private set; } = "en";
    public bool Exists { get; private set; }
    public IHtmlContent? Preview { get; private set; }

    public string LanguageName => Lang switch { "hi" => "Hindi", "mr" => "Marathi", _ => "English" };
    public string PublicPath => (Slug == PublicPages.Home ? "/Clinic" : "/Clinic/" + Slug) + "?lang=" + Lang;

    public async Task<IActionResult> OnGetAsync(string slug, string lang, CancellationToken ct)
    {
        if (!Known(slug, lang))
        {
            return NotFound();
        }

        var page = await db.ContentPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Language == lang, ct);
        Exists = page is not null;
        if (page is not null)
        {
            Input = SaveContentPage.Request.From(page);
        }
        else
        {
            // A new translation starts from the English text, for the translator to replace.
            var english = await db.ContentPages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Language == "en", ct);
            if (english is not null)
            {
                Input = SaveContentPage.Request.From(english);
                Input.Version = null;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, string lang, CancellationToken ct)
    {
        if (!Known(slug, lang))
        {
            return NotFound();
        }

        Exists = await db.ContentPages.AnyAsync(p => p.Slug == slug && p.Language == lang, ct);
        Preview = renderer.Render(Input.Markdown);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string lang, CancellationToken ct)
    {
        if (!Known(slug, lang))
        {
            return NotFound();
        }

        Exists = await db.ContentPages.AnyAsync(p => p.Slug == slug && p.Language == lang, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var page = await handler.HandleAsync(slug, lang, Input, ct);
        if (page is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{page.Title} ({LanguageName}) saved.";
        return RedirectToPage("Index");
    }

    private bool Known(string slug, string lang)
    {
        Slug = slug;
        Lang = lang;
        return PublicPages.IsKnown(slug) && PublicPages.LanguageCodes.Contains(lang, StringComparer.Ordinal);
    }
}
