using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Reviews;

[Authorize(Policy = Policies.Clinical)]
public sealed class EnteredInErrorModel(MarkReviewEnteredInError.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public EnteredInErrorRequest Input { get; set; } = new();

    public ReviewPageData Data { get; private set; } = null!;
    public InjectionReview Review { get; private set; } = null!;
    public ClinicTime Clock => clock;

    [Audited(AuditAction.InjectionReviewRead, RecordReview.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        audit.Attempt(AuditAction.InjectionReviewRead, patientId, RecordReview.Subject, reviewId);
        if (!await LoadAsync(patientId, sessionId, reviewId, ct))
        {
            return NotFound();
        }

        Input = new EnteredInErrorRequest { Version = Review.Version };
        return Page();
    }

    [Audited(AuditAction.InjectionReviewUpdated, RecordReview.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, sessionId, reviewId, ct))
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            return NotFound();
        }

        // On a refusal the form comes back against the version now saved, so the person can confirm after checking.
        var request = new EnteredInErrorRequest { Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = Review.Version;
        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(patientId, sessionId, reviewId, request, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            throw;
        }

        TempData["Status"] = "The review is marked as entered in error. It stays in the record with your reason; the follow-up it completed is open again.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        var review = await db.InjectionReviews.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == reviewId && r.SessionId == sessionId && r.PatientId == patientId, ct);
        if (review is null || await ReviewPageData.LoadAsync(db, clock, patientId, sessionId, ct) is not { } data)
        {
            return false;
        }

        Review = review;
        Data = data;
        return true;
    }
}
