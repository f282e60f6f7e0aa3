using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Reviews;

/// <summary>The nurse's (or doctor's) review of a session: response, onset, adverse effects, wearing off.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class NewModel(RecordReview.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public ReviewInput Input { get; set; } = new();

    public ReviewPageData Data { get; private set; } = null!;
    public ClinicTime Clock => clock;

    [Audited(AuditAction.InjectionSessionRead, "InjectionSession")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, FollowUpKind? answers, CancellationToken ct)
    {
        audit.Attempt(AuditAction.InjectionSessionRead, patientId, "InjectionSession", sessionId);
        if (await ReviewPageData.LoadAsync(db, clock, patientId, sessionId, ct) is not { } data)
        {
            return NotFound();
        }

        Data = data;
        Input = ReviewInput.Blank(clock.LocalNow(), answers);
        return Page();
    }

    [Audited(AuditAction.InjectionReviewRecorded, RecordReview.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        if (await ReviewPageData.LoadAsync(db, clock, patientId, sessionId, ct) is not { } data)
        {
            audit.Attempt(AuditAction.InjectionReviewRecorded, patientId, "InjectionSession", sessionId);
            return NotFound();
        }

        Data = data;
        if (!ModelState.IsValid || data.Session.EnteredInError)
        {
            audit.Attempt(AuditAction.InjectionReviewRecorded, patientId, "InjectionSession", sessionId);
            return Page();
        }

        InjectionReview? review;
        try
        {
            review = await handler.HandleAsync(patientId, sessionId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.InjectionReviewRecorded, patientId, "InjectionSession", sessionId);
            throw;
        }

        if (review is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Review saved.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }
}
