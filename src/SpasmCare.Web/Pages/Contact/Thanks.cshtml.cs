using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Contact;

/// <summary>
/// After sending: the reference number to keep. It comes from the address (?reference=INQ-…), checked for its
/// shape, and nothing is looked up: this anonymous page shows nothing that is stored.
/// </summary>
public sealed class ThanksModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? LanguageCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "reference")] public string? ReferenceText { get; set; }

    public Language Lang => ContactLanguage.Parse(LanguageCode);
    public string Code => ContactLanguage.Code(Lang);
    public string? Reference => SubmitInquiry.IsReference(ReferenceText) ? ReferenceText : null;

    public string T(Phrase phrase) => phrase.In(Lang);

    [NotAudited("Shows the reference number from the address; reads nothing stored.")]
    public void OnGet() => ViewData["Language"] = Lang;
}
