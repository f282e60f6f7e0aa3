using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Reviews;

/// <summary>Changes a review: the wearing-off date and resolutions later on, corrections, effects entered in error.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class EditModel(UpdateReview.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateReview.Request Input { get; set; } = new();

    public ReviewPageData Data { get; private set; } = null!;
    public InjectionReview Review { get; private set; } = null!;
    public IReadOnlyList<ToxinAdverseEffect> ErrorEffects { get; private set; } = [];
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.InjectionReviewRead, RecordReview.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        audit.Attempt(AuditAction.InjectionReviewRead, patientId, RecordReview.Subject, reviewId);
        if (await LoadAsync(patientId, sessionId, reviewId, ct) is not { } effects)
        {
            return NotFound();
        }

        Input = new UpdateReview.Request { Review = ReviewInput.From(Review, effects, clock), Version = Review.Version };
        return Page();
    }

    [Audited(AuditAction.InjectionReviewUpdated, RecordReview.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        if (await LoadAsync(patientId, sessionId, reviewId, ct) is null)
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            return NotFound();
        }

        if (!ModelState.IsValid || Review.EnteredInError)
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            return Page();
        }

        WorkupResult<InjectionReview> result;
        try
        {
            result = await handler.HandleAsync(patientId, sessionId, reviewId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.InjectionReviewUpdated, patientId, RecordReview.Subject, reviewId);
            throw;
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.Remove("Input.Version");
            Input.Version = conflict.CurrentVersion;
            await RefreshEffectVersionsAsync(reviewId, ct);
            ModelState.AddModelError("", "Someone else changed this review after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Review updated.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }

    /// <returns>The review's effects, or null when the review is not this session's and patient's.</returns>
    private async Task<IReadOnlyList<ToxinAdverseEffect>?> LoadAsync(Guid patientId, Guid sessionId, Guid reviewId, CancellationToken ct)
    {
        var review = await db.InjectionReviews.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == reviewId && r.SessionId == sessionId && r.PatientId == patientId, ct);
        if (review is null || await ReviewPageData.LoadAsync(db, clock, patientId, sessionId, ct) is not { } data)
        {
            return null;
        }

        var effects = await db.ToxinAdverseEffects.AsNoTracking().Where(e => e.ReviewId == reviewId && e.PatientId == patientId).ToListAsync(ct);
        Review = review;
        Data = data;
        ErrorEffects = [.. effects.Where(e => e.EnteredInError)];
        return effects;
    }

    /// <summary>After a conflict the form's saved effects are checked against their versions now, so saving again is deliberate.</summary>
    private async Task RefreshEffectVersionsAsync(Guid reviewId, CancellationToken ct)
    {
        var versions = await db.ToxinAdverseEffects.AsNoTracking()
            .Where(e => e.ReviewId == reviewId)
            .ToDictionaryAsync(e => e.Id, e => e.Version, ct);
        for (var i = 0; i < Input.Review.AdverseEffects.Count; i++)
        {
            var row = Input.Review.AdverseEffects[i];
            if (row.Id is { } id && versions.TryGetValue(id, out var version))
            {
                row.Version = version;
                ModelState.Remove($"Input.Review.AdverseEffects[{i}].Version");
            }
        }
    }
}
