using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Inquiries;

/// <summary>
/// Registers the visitor of an inquiry as a patient: the registration form pre-filled from the inquiry, with the
/// usual possible-duplicate check, then the inquiry is linked to the new patient.
/// </summary>
public sealed class ConvertModel(InquiryDetails.Query query, ConvertInquiry.Handler handler) : PageModel
{
    [BindProperty] public RegisterPatient.Request Input { get; set; } = new();

    public Inquiry Inquiry { get; private set; } = null!;

    public bool ShowDuplicateConfirmation =>
        ModelState.TryGetValue("Input." + nameof(RegisterPatient.Request.ConfirmedNotDuplicate), out var entry)
        && entry.Errors.Count > 0;

    [Audited(AuditAction.InquiryRead, "Inquiry")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Inquiry.PatientId is { } patientId)
        {
            TempData["Status"] = "This inquiry is already registered as a patient.";
            return RedirectToPage("/Patients/Details", new { id = patientId });
        }

        Input = ConvertInquiry.Prefill(Inquiry);
        return Page();
    }

    [Audited(AuditAction.InquiryConverted, "Inquiry")]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        // A RuleException (possible duplicate, already converted) comes back as a form error through RulePageFilter,
        // which shows this page again: load the inquiry first so that the page has it.
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var patient = await handler.HandleAsync(id, Input, ct);
        if (patient is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{PatientFormats.FullName(patient.GivenName, patient.FamilyName)} is registered as {patient.Mrn}, from inquiry {Inquiry.Reference}.";
        return RedirectToPage("/Patients/Details", new { id = patient.Id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var details = await query.LoadAsync(id, AuditAction.InquiryRead, ct);
        if (details is null)
        {
            return false;
        }

        Inquiry = details.Inquiry;
        return true;
    }
}
