using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.PublicSite;

namespace SpasmCare.Web.Pages.Public;

/// <summary>Published doctor profiles and the practice's open sites with hours and directions (anonymous).</summary>
public sealed class DoctorsModel(SpasmCareDbContext db, MarkdownRenderer renderer) : PageModel
{
    public sealed record SiteView(Guid Id, string Name, string Address, string City, string PinCode, string Phone, string OpeningHours, string Directions);

    public sealed record DoctorView(string Name, string Qualifications, Microsoft.AspNetCore.Html.IHtmlContent Bio, string LanguagesSpoken, IReadOnlyList<string> Sites);

    [BindProperty(SupportsGet = true, Name = "lang")] public string? LanguageCode { get; set; }

    public Language Lang => ContactLanguage.Parse(LanguageCode);
    public string Code => ContactLanguage.Code(Lang);
    public IReadOnlyList<DoctorView> Doctors { get; private set; } = [];
    public IReadOnlyList<SiteView> Sites { get; private set; } = [];

    public string T(Phrase phrase) => phrase.In(Lang);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Address, s.City, s.PinCode, s.Phone })
            .ToListAsync(ct);
        var profiles = await db.SiteProfiles.AsNoTracking().ToDictionaryAsync(p => p.SiteId, ct);
        Sites = sites.Select(s => new SiteView(s.Id, s.Name, s.Address, s.City, s.PinCode, s.Phone,
            profiles.GetValueOrDefault(s.Id)?.OpeningHours ?? "", profiles.GetValueOrDefault(s.Id)?.Directions ?? "")).ToList();
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        var doctors = await db.DoctorProfiles.AsNoTracking().Include(d => d.Sites)
            .Where(d => d.IsPublished).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(ct);
        Doctors = doctors.Select(d => new DoctorView(d.Name, d.Qualifications, renderer.Render(d.BioMarkdown), d.LanguagesSpoken,
            d.Sites.Where(s => names.ContainsKey(s.SiteId)).Select(s => names[s.SiteId]).Order(StringComparer.Ordinal).ToList())).ToList();
        ViewData["Language"] = Lang;
        ViewData["Section"] = "doctors";
        ViewData["Title"] = T(PublicText.DoctorsTitle);
        ViewData["Description"] = T(PublicText.DoctorsDescription);
        return Page();
    }
}
