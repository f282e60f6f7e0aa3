using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.PublicSite;

/// <summary>Create or edit one public page in one language (admin).</summary>
public static class SaveContentPage
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the page title.")]
        [StringLength(ContentPage.TitleMax, ErrorMessage = "The title can be at most {1} characters.")]
        [Display(Name = "Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Enter a short description for search engines.")]
        [StringLength(ContentPage.MetaDescriptionMax, ErrorMessage = "The description can be at most {1} characters.")]
        [Display(Name = "Description for search engines")]
        public string MetaDescription { get; set; } = "";

        [Required(ErrorMessage = "Enter the page text.")]
        [StringLength(ContentPage.MarkdownMax, ErrorMessage = "The text can be at most {1} characters.")]
        [Display(Name = "Text (Markdown)")]
        public string Markdown { get; set; } = "";

        public Guid? Version { get; set; }

        public static Request From(ContentPage p) => new()
        {
            Title = p.Title, MetaDescription = p.MetaDescription, Markdown = p.Markdown, Version = p.Version,
        };
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        /// <summary>Saves the page; null when the slug or language is not one of the site's.</summary>
        public async Task<ContentPage?> HandleAsync(string slug, string language, Request request, CancellationToken ct)
        {
            if (!PublicPages.IsKnown(slug) || !PublicPages.LanguageCodes.Contains(language, StringComparer.Ordinal))
            {
                return null;
            }

            var page = await db.ContentPages.FirstOrDefaultAsync(p => p.Slug == slug && p.Language == language, ct);
            var created = page is null;
            if (page is null)
            {
                if (request.Version is not null)
                {
                    throw new RuleException("conflict", "This page was removed while you were editing. Reload the page and apply your change again.");
                }

                page = new ContentPage { Slug = slug, Language = language };
                db.ContentPages.Add(page);
            }
            else if (request.Version != page.Version)
            {
                throw new RuleException("conflict", "Someone else changed this page while you were editing. Reload the page and apply your change again.");
            }

            page.Title = request.Title.Trim();
            page.MetaDescription = request.MetaDescription.Trim();
            page.Markdown = request.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
            audit.Record(created ? AuditAction.ContentPageCreated : AuditAction.ContentPageUpdated, "ContentPage", page.Id.ToString(),
                detail: $"{slug} ({language})");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (created)
            {
                throw new RuleException("conflict", "Someone else created this page while you were editing. Reload the page and apply your change again.");
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleException("conflict", "Someone else changed this page while you were editing. Reload the page and apply your change again.");
            }

            return page;
        }
    }
}
