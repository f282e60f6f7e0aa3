using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Admin.Content;

/// <summary>The public site's pages, each in English, Hindi and Marathi, with what exists and when it last changed.</summary>
public sealed class IndexModel(SpasmCareDbContext db) : PageModel
{
    public sealed record Cell(string Slug, string Language, string? Title, DateTime? UpdatedAtUtc);

    public IReadOnlyList<IReadOnlyList<Cell>> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pages = await db.ContentPages.AsNoTracking()
            .Select(p => new { p.Slug, p.Language, p.Title, p.UpdatedAtUtc })
            .ToListAsync(ct);
        Rows = PublicPages.Slugs.Select(slug => (IReadOnlyList<Cell>)PublicPages.LanguageCodes.Select(lang =>
        {
            var page = pages.Find(p => p.Slug == slug && p.Language == lang);
            return new Cell(slug, lang, page?.Title, page?.UpdatedAtUtc);
        }).ToList()).ToList();
    }
}
