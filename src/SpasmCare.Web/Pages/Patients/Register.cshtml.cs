using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Patients;

public sealed class RegisterModel(RegisterPatient.Handler handler) : PageModel
{
    [BindProperty] public RegisterPatient.Request Input { get; set; } = new();

    public bool ShowDuplicateConfirmation =>
        ModelState.TryGetValue("Input." + nameof(RegisterPatient.Request.ConfirmedNotDuplicate), out var entry)
        && entry.Errors.Count > 0;

    [NotAudited("An empty registration form: no patient data.")]
    public void OnGet()
    {
    }

    [Audited(AuditAction.PatientRegistered)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var patient = await handler.HandleAsync(Input, ct);
        TempData["Status"] = $"{patient.GivenName} {patient.FamilyName} is registered as {patient.Mrn}.";
        return RedirectToPage("Details", new { id = patient.Id });
    }
}
