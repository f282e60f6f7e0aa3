using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>The session a review is about, as the review pages show it in their heading.</summary>
public sealed record ReviewSession(
    Guid Id, Guid PatientId, DateTime InjectedAtUtc, DateOnly Date, string ProductName, decimal TotalUnits, string SiteName,
    bool IsBooster, bool EnteredInError, string? EnteredInErrorReason)
{
    /// <summary>
    /// The session of that patient, or null (another patient's session is not found either). Its date is the local date at
    /// its site, as the session pages and its follow-up tasks use it.
    /// </summary>
    public static async Task<ReviewSession?> FindAsync(SpasmCareDbContext db, Guid patientId, Guid sessionId, CancellationToken ct)
    {
        var s = await (
                from session in db.InjectionSessions.AsNoTracking()
                where session.Id == sessionId && session.PatientId == patientId
                join product in db.ToxinProducts on session.ProductId equals product.Id
                join site in db.Sites on session.SiteId equals site.Id into sites
                from site in sites.DefaultIfEmpty()
                select new
                {
                    session.Id, session.PatientId, session.InjectedAtUtc, ProductName = product.Name, session.TotalUnits,
                    SiteName = site == null ? "" : site.Name,
                    TimeZoneId = site == null ? Sites.Site.DefaultTimeZone : site.TimeZoneId, session.IsBooster, session.EnteredInError, session.EnteredInErrorReason,
                })
            .FirstOrDefaultAsync(ct);
        return s is null
            ? null
            : new ReviewSession(s.Id, s.PatientId, s.InjectedAtUtc, DateOnly.FromDateTime(VisitTime.Local(s.InjectedAtUtc, s.TimeZoneId)), s.ProductName,
                s.TotalUnits, s.SiteName, s.IsBooster, s.EnteredInError, s.EnteredInErrorReason);
    }

    /// <summary>Days from the session to <paramref name="date"/> (the duration of benefit when it is the wearing-off date).</summary>
    public int DaysTo(DateOnly date) => date.DayNumber - Date.DayNumber;
}

/// <summary>
/// Records a review of a session, with its adverse effects, and closes the follow-up task it answers
/// (<see cref="ToxinFollowUps.KindFor"/>): all in one SaveChanges with the audit rows.
/// </summary>
public static class RecordReview
{
    public const string Subject = "InjectionReview";
    public const string EffectSubject = "ToxinAdverseEffect";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, TimeProvider time, ICurrentUser user,
        Assessments.VisitClinicians clinicians, ILogger<Handler> logger)
    {
        /// <returns>The new review, or null when the session is not this patient's.</returns>
        public async Task<InjectionReview?> HandleAsync(Guid patientId, Guid sessionId, ReviewInput input, CancellationToken ct)
        {
            if (await ReviewSession.FindAsync(db, patientId, sessionId, ct) is not { } session)
            {
                return null;
            }

            if (session.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This session was marked as entered in error; it cannot be reviewed.");
            }

            var reviewedAtUtc = ReviewRules.Check(session, input, clock);
            var review = new InjectionReview { SessionId = sessionId, PatientId = patientId, ReviewedByName = clinicians.CurrentName() };
            input.ApplyTo(review, reviewedAtUtc);
            db.InjectionReviews.Add(review);
            audit.Record(AuditAction.InjectionReviewRecorded, Subject, review.Id.ToString(), patientId);
            foreach (var row in input.AdverseEffects.Where(a => a.Present && a.Id is null))
            {
                var effect = new ToxinAdverseEffect { SessionId = sessionId, PatientId = patientId, ReviewId = review.Id };
                row.ApplyTo(effect);
                db.ToxinAdverseEffects.Add(effect);
                audit.Record(AuditAction.ToxinAdverseEffectRecorded, EffectSubject, effect.Id.ToString(), patientId);
            }

            var nowUtc = time.GetUtcNow().UtcDateTime;
            var kind = ToxinFollowUps.KindFor(session.Date, DateOnly.FromDateTime(input.ReviewedAt!.Value), input.Answers);
            var closed = await ToxinFollowUps.CloseForReviewAsync(db, sessionId, kind, review.Id, nowUtc, user.UserId, ct);
            foreach (var task in closed)
            {
                audit.Record(AuditAction.FollowUpClosed, FollowUpList.Subject, task.Id.ToString(), patientId);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A follow-up task changed (cancelled, closed by another review) while this one was saved.
                db.ChangeTracker.Clear();
                throw new RuleException("conflict",
                    "A follow-up task of this session changed while you were saving. Nothing was saved; check the session and save again.");
            }

            logger.ReviewSaved(review.Id, patientId, "recorded");
            return review;
        }
    }
}

/// <summary>The checks a review needs its session for: nothing before the injection, the onset not after the review.</summary>
internal static class ReviewRules
{
    /// <returns>The review's instant in UTC.</returns>
    public static DateTime Check(ReviewSession session, ReviewInput input, ClinicTime clock, string prefix = "")
    {
        var reviewedAtUtc = clock.LocalToUtc(input.ReviewedAt!.Value)
            ?? throw new RuleException("invalid-time", "That local time does not exist (the clock changed); enter another.", prefix + nameof(ReviewInput.ReviewedAt), 422);
        if (reviewedAtUtc < session.InjectedAtUtc)
        {
            throw new RuleException("before-session", "The review cannot be before the session.", prefix + nameof(ReviewInput.ReviewedAt), 422);
        }

        var reviewedOn = DateOnly.FromDateTime(input.ReviewedAt!.Value);
        if (input.OnsetDay is { } onset && onset > session.DaysTo(reviewedOn))
        {
            throw new RuleException("onset-after-review",
                $"An onset on day {onset} would be after this review (day {session.DaysTo(reviewedOn)}).", prefix + nameof(ReviewInput.OnsetDay), 422);
        }

        if (input.WoreOffOn is { } woreOff && woreOff <= session.Date)
        {
            throw new RuleException("wore-off-before-session", "The effect cannot wear off on or before the day of the session.",
                prefix + nameof(ReviewInput.WoreOffOn), 422);
        }

        for (var i = 0; i < input.AdverseEffects.Count; i++)
        {
            var row = input.AdverseEffects[i];
            if (row.IsRecorded && !row.EnteredInError && row.OnsetOn < session.Date)
            {
                throw new RuleException("effect-before-session", $"{ReviewLabels.Of(row.Kind)} cannot start before the session.",
                    $"{prefix}{nameof(ReviewInput.AdverseEffects)}[{i}].{nameof(AdverseEffectInput.OnsetOn)}", 422);
            }
        }

        return reviewedAtUtc;
    }
}

// Event ids 1660–1679. Ids only, never findings or notes.
internal static partial class ResponseLog
{
    [LoggerMessage(EventId = 1660, Level = LogLevel.Information, Message = "Injection review {ReviewId} of patient {PatientId} {Change}")]
    public static partial void ReviewSaved(this ILogger logger, Guid reviewId, Guid patientId, string change);

    [LoggerMessage(EventId = 1661, Level = LogLevel.Information, Message = "{Record} {RecordId} of patient {PatientId}: edit refused, stale version")]
    public static partial void EditConflict(this ILogger logger, string record, Guid recordId, Guid patientId);

    [LoggerMessage(EventId = 1662, Level = LogLevel.Information, Message = "Resistance test {TestId} of patient {PatientId} {Change}")]
    public static partial void ResistanceTestSaved(this ILogger logger, Guid testId, Guid patientId, string change);

    [LoggerMessage(EventId = 1663, Level = LogLevel.Information, Message = "Follow-up task {TaskId} of patient {PatientId} cancelled")]
    public static partial void FollowUpCancelled(this ILogger logger, Guid taskId, Guid patientId);
}
