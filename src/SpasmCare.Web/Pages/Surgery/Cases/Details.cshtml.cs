using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>One MVD case: where it is on the pathway, everything recorded so far, and the next steps.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class DetailsModel(MvdCaseView.Query query, AuditLog audit, IAuthorizationService authorization) : PageModel
{
    public MvdCaseView View { get; private set; } = null!;
    public bool IsDoctor { get; private set; }

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        IsDoctor = (await authorization.AuthorizeAsync(User, Policies.Doctor)).Succeeded;
        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        return Page();
    }
}
