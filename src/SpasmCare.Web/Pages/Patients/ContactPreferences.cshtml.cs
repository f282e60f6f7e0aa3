using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Pages.Patients;

/// <summary>
/// A patient's contact consent and SMS and email choices, with when and how each was recorded; one click opts in
/// or out of a channel (withdrawing takes no more clicks than giving). Front desk, doctors and nurses.
/// </summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class ContactPreferencesModel(SpasmCareDbContext db, SetContactPreference.Handler handler, AuditLog audit) : PageModel
{
    [BindProperty] public SetContactPreference.Request Input { get; set; } = new();

    public ContactPreferencesView View { get; private set; } = null!;

    [Audited(AuditAction.ContactPreferencesViewed)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ContactPreferencesView.LoadAsync(db, id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.ContactPreferencesViewed, id);
        return Page();
    }

    [Audited(AuditAction.ContactPreferenceChanged)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await ContactPreferencesView.LoadAsync(db, id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (!ModelState.IsValid || !Enum.IsDefined(Input.Channel))
        {
            ModelState.AddModelError("", "Choose SMS or email.");
            return Page();
        }

        try
        {
            if (!await handler.HandleAsync(id, Input, ct))
            {
                return NotFound();
            }
        }
        catch (Errors.RuleException rule)
        {
            // The page shows the choice as it is now.
            ModelState.AddModelError("", rule.Message);
            View = (await ContactPreferencesView.LoadAsync(db, id, ct))!;
            return Page();
        }

        TempData["Status"] = $"{MessageTemplates.Label(Input.Channel)}: {(Input.OptIn ? "opted in" : "opted out")}.";
        return RedirectToPage(new { id });
    }
}
