using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Changes a review: later findings (the date it wore off, an adverse effect's resolution), corrections, and adverse
/// effects marked entered in error. The review and each saved effect carry their own version; if any of them changed
/// after the editor opened the form, nothing is saved and the page shows the differences.
/// </summary>
public static class UpdateReview
{
    public sealed class Request
    {
        [Required] public ReviewInput Review { get; set; } = new();

        /// <summary>The version of the review the editor started from.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, ILogger<Handler> logger)
    {
        public async Task<WorkupResult<InjectionReview>> HandleAsync(Guid patientId, Guid sessionId, Guid reviewId, Request request,
            CancellationToken ct)
        {
            var review = await db.InjectionReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.SessionId == sessionId && r.PatientId == patientId, ct);
            if (review is null || await ReviewSession.FindAsync(db, patientId, sessionId, ct) is not { } session)
            {
                return new(null, null);
            }

            if (review.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This review was marked as entered in error; it can no longer be changed.");
            }

            var effects = await db.ToxinAdverseEffects.Where(e => e.ReviewId == reviewId && e.PatientId == patientId).ToListAsync(ct);
            var input = request.Review;
            if (review.Version != request.Version || input.AdverseEffects.Any(row => row.Id is { } id && effects.FirstOrDefault(e => e.Id == id)?.Version != row.Version))
            {
                return new(null, await ConflictAsync(review, effects, request, ct));
            }

            var reviewedAtUtc = ReviewRules.Check(session, input, clock, nameof(Request.Review) + ".");
            input.ApplyTo(review, reviewedAtUtc);
            var reviewChanged = db.Entry(review).State == EntityState.Modified;
            for (var i = 0; i < input.AdverseEffects.Count; i++)
            {
                var row = input.AdverseEffects[i];
                if (row.Id is { } id)
                {
                    var effect = effects.FirstOrDefault(e => e.Id == id && !e.EnteredInError)
                        ?? throw new RuleException("unknown-effect", "That adverse effect is not part of this review.",
                            $"{nameof(UpdateReview.Request.Review)}.{nameof(ReviewInput.AdverseEffects)}[{i}].{nameof(AdverseEffectInput.Kind)}");
                    if (row.EnteredInError)
                    {
                        effect.EnteredInError = true;
                    }
                    else
                    {
                        row.ApplyTo(effect);
                    }

                    if (db.Entry(effect).State == EntityState.Modified)
                    {
                        audit.Record(AuditAction.ToxinAdverseEffectUpdated, RecordReview.EffectSubject, id.ToString(), patientId,
                            detail: row.EnteredInError ? "entered in error" : null);
                    }
                }
                else if (row.Present)
                {
                    if (effects.Any(e => e.Kind == row.Kind && !e.EnteredInError && input.AdverseEffects.All(r => r.Id != e.Id || !r.EnteredInError)))
                    {
                        throw new RuleException("duplicate-effect", $"{ReviewLabels.Of(row.Kind)} is already recorded in this review; change that entry instead.",
                            $"{nameof(UpdateReview.Request.Review)}.{nameof(ReviewInput.AdverseEffects)}[{i}].{nameof(AdverseEffectInput.Present)}");
                    }

                    var effect = new ToxinAdverseEffect { SessionId = sessionId, PatientId = patientId, ReviewId = reviewId };
                    row.ApplyTo(effect);
                    db.ToxinAdverseEffects.Add(effect);
                    audit.Record(AuditAction.ToxinAdverseEffectRecorded, RecordReview.EffectSubject, effect.Id.ToString(), patientId);
                }
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return new(review, null);
            }

            if (reviewChanged || db.ChangeTracker.Entries<ToxinAdverseEffect>().Any(e => e.State != EntityState.Unchanged))
            {
                // The review's version moves with any change to it or its effects, so a second editor sees the conflict.
                db.Entry(review).State = EntityState.Modified;
                audit.Record(AuditAction.InjectionReviewUpdated, RecordReview.Subject, reviewId.ToString(), patientId);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.InjectionReviews.AsNoTracking().FirstAsync(r => r.Id == reviewId, ct);
                var currentEffects = await db.ToxinAdverseEffects.AsNoTracking().Where(e => e.ReviewId == reviewId).ToListAsync(ct);
                return new(null, await ConflictAsync(current, currentEffects, request, ct));
            }

            logger.ReviewSaved(reviewId, patientId, "updated");
            return new(review, null);
        }

        private async Task<EditConflict> ConflictAsync(InjectionReview current, IReadOnlyList<ToxinAdverseEffect> effects, Request request,
            CancellationToken ct)
        {
            logger.EditConflict(RecordReview.Subject, current.Id, current.PatientId);
            audit.Record(AuditAction.InjectionReviewUpdated, RecordReview.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            var saved = ReviewInput.From(current, effects, clock);
            return await EditConflict.ExplainAsync(db, current, saved.Describe(), request.Review.Describe(), ct);
        }
    }
}

/// <summary>
/// A review recorded by mistake (wrong session, wrong patient) is marked, with a reason; it is kept, its adverse effects
/// stop counting, and the follow-up tasks it closed open again.
/// </summary>
public static class MarkReviewEnteredInError
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The review, or null when there is none. Throws a rule error on a stale version.</returns>
        public async Task<InjectionReview?> HandleAsync(Guid patientId, Guid sessionId, Guid reviewId, EnteredInErrorRequest request, CancellationToken ct)
        {
            var review = await db.InjectionReviews.FirstOrDefaultAsync(r => r.Id == reviewId && r.SessionId == sessionId && r.PatientId == patientId, ct);
            if (review is null)
            {
                return null;
            }

            if (review.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This review is already marked as entered in error.");
            }

            if (review.Version != request.Version)
            {
                throw Stale();
            }

            review.EnteredInError = true;
            review.EnteredInErrorReason = request.Reason.Trim();
            audit.Record(AuditAction.InjectionReviewUpdated, RecordReview.Subject, reviewId.ToString(), patientId, detail: "entered in error");
            foreach (var effect in await db.ToxinAdverseEffects.Where(e => e.ReviewId == reviewId && !e.EnteredInError).ToListAsync(ct))
            {
                effect.EnteredInError = true;
                audit.Record(AuditAction.ToxinAdverseEffectUpdated, RecordReview.EffectSubject, effect.Id.ToString(), patientId, detail: "entered in error");
            }

            foreach (var task in await db.FollowUpTasks.Where(t => t.ResultId == reviewId && t.Status == FollowUpStatus.Done).ToListAsync(ct))
            {
                task.Status = FollowUpStatus.Open;
                task.ClosedAtUtc = null;
                task.ClosedBy = null;
                task.ResultId = null;
                audit.Record(AuditAction.FollowUpClosed, FollowUpList.Subject, task.Id.ToString(), patientId, detail: "reopened: review entered in error");
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw Stale();
            }

            logger.ReviewSaved(reviewId, patientId, "entered in error");
            return review;
        }

        private static RuleException Stale() =>
            new("conflict", "Someone else changed this review after you opened it. Nothing was changed. Check the review and confirm again.");
    }
}
