using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases.Complications;

[Authorize(Policy = Policies.Clinical)]
[StaleCaseFilter]
public sealed class EditModel(UpdateComplication.Handler handler, MvdCaseView.Query query, AuditLog audit, IAuthorizationService authorization)
    : PageModel, IVersionedForm
{
    [BindProperty] public ComplicationInput Input { get; set; } = new();

    /// <summary>The reason, when marking the complication entered in error.</summary>
    [BindProperty] public string? ErrorReason { get; set; }

    public MvdCaseView View { get; private set; } = null!;
    public MvdComplication Complication { get; private set; } = null!;
    public bool IsDoctor { get; private set; }

    public void UseVersion(Guid version) => Input.Version = version;

    [Audited(AuditAction.MvdCaseRead, ComplicationRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, id, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.MvdCaseRead, patientId, ComplicationRules.Subject, id.ToString());
        Input = ComplicationInput.From(Complication);
        return Page();
    }

    [Audited(AuditAction.MvdComplicationUpdated, ComplicationRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, id, ct))
        {
            return NotFound();
        }

        ModelState.Remove(nameof(ErrorReason));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(patientId, caseId, id, Input, IsDoctor, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Complication updated.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "complications");
    }

    [Audited(AuditAction.MvdComplicationUpdated, ComplicationRules.Subject)]
    public async Task<IActionResult> OnPostEnteredInErrorAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, id, ct))
        {
            return NotFound();
        }

        // Only the reason and the version matter here; the edit form's fields are not part of this request.
        var version = Input.Version;
        ModelState.Clear();
        Input = ComplicationInput.From(Complication);
        Input.Version = version;
        if (string.IsNullOrWhiteSpace(ErrorReason) || ErrorReason.Length > 500)
        {
            ModelState.AddModelError(nameof(ErrorReason), "Give the reason (at most 500 characters).");
            return Page();
        }

        if (await handler.EnteredInErrorAsync(patientId, caseId, id, version, ErrorReason, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Complication marked as entered in error.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "complications");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view
            || view.Complications.FirstOrDefault(c => c.Id == id && !c.EnteredInError) is not { } complication)
        {
            return false;
        }

        View = view;
        Complication = complication;
        IsDoctor = (await authorization.AuthorizeAsync(User, Policies.Doctor)).Succeeded;
        return true;
    }
}
