using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// Toxin products, sessions, their follow-up tasks and reviews written straight to the database, so the follow-up,
/// response and recall tests do not depend on the session-charting pages. Sessions are at 10:00 in the site's zone
/// (Asia/Kolkata, 04:30 UTC) on the day given.
/// </summary>
public static class ToxinHistoryTestData
{
    public static Task<Guid> AddToxinProductAsync(this AppFactory app, decimal? ratioLow = null, decimal? ratioHigh = null,
        bool complexingProteins = true, string? name = null) =>
        app.WithDbAsync(async db =>
        {
            var product = new ToxinProduct
            {
                Name = name ?? TestData.UniqueWord("Toxin "),
                Substance = ratioLow is > 1 ? ToxinSubstance.AbobotulinumtoxinA : ToxinSubstance.OnabotulinumtoxinA,
                VialSizes = "100",
                ReferenceRatioLow = ratioLow,
                ReferenceRatioHigh = ratioHigh,
                HasComplexingProteins = complexingProteins,
            };
            db.ToxinProducts.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    /// <summary>The UTC instant of 10:00 in Asia/Kolkata on <paramref name="localDate"/>.</summary>
    public static DateTime At(DateOnly localDate) => localDate.ToDateTime(new TimeOnly(4, 30), DateTimeKind.Utc);

    /// <summary>The clinic's date today by the fake clock (Asia/Kolkata).</summary>
    public static DateOnly ClinicToday(this AppFactory app) =>
        DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(5.5));

    /// <summary>
    /// A session with one point's worth of units, and — like recording a session does — its onset check (day 3–5) and
    /// peak review (day 14–28) tasks.
    /// </summary>
    public static Task<Guid> AddToxinSessionAsync(this AppFactory app, Guid patientId, Guid siteId, Guid productId, DateOnly localDate,
        decimal units = 20m, bool booster = false, bool withTasks = true, bool enteredInError = false) =>
        app.WithDbAsync(async db =>
        {
            var session = new InjectionSession
            {
                PatientId = patientId,
                SiteId = siteId,
                ClinicianId = Guid.NewGuid(),
                ClinicianName = "Test Doctor",
                InjectedAtUtc = At(localDate),
                Indication = InjectionIndication.HemifacialSpasm,
                SpasmSide = SpasmCare.Clinical.Examination.AffectedSide.Left,
                ProductId = productId,
                IsBooster = booster,
                TotalUnits = units,
                EnteredInError = enteredInError,
                EnteredInErrorReason = enteredInError ? "Wrong patient" : null,
            };
            db.InjectionSessions.Add(session);
            if (withTasks)
            {
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    PatientId = patientId, SiteId = siteId, Kind = FollowUpKind.ToxinOnsetCheck, SourceId = session.Id,
                    Milestone = "Onset check", DueFrom = localDate.AddDays(3), DueBy = localDate.AddDays(5),
                });
                db.FollowUpTasks.Add(new FollowUpTask
                {
                    PatientId = patientId, SiteId = siteId, Kind = FollowUpKind.ToxinPeakReview, SourceId = session.Id,
                    Milestone = "Peak review", DueFrom = localDate.AddDays(14), DueBy = localDate.AddDays(28),
                });
            }

            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>A review of a session, as if recorded on the review page.</summary>
    public static Task<Guid> AddToxinReviewAsync(this AppFactory app, Guid patientId, Guid sessionId, DateOnly reviewedOn,
        ToxinResponse? response = ToxinResponse.Good, int? improvementPercent = 70, int? onsetDay = 4, DateOnly? woreOffOn = null) =>
        app.WithDbAsync(async db =>
        {
            var review = new InjectionReview
            {
                SessionId = sessionId,
                PatientId = patientId,
                ReviewedAtUtc = At(reviewedOn),
                ReviewedByName = "Test Nurse",
                Response = response,
                ImprovementPercent = improvementPercent,
                OnsetDay = onsetDay,
                WoreOffOn = woreOffOn,
            };
            db.InjectionReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });

    /// <summary>An operated MVD case, written straight to the database (only what the recall list reads: the operation date).</summary>
    public static Task<Guid> AddMvdOperationAsync(this AppFactory app, Guid patientId, DateOnly localDate) =>
        app.WithDbAsync(async db =>
        {
            var mvdCase = new SpasmCare.Web.Features.Surgery.MvdCase
            {
                PatientId = patientId,
                Status = SpasmCare.Web.Features.Surgery.MvdCaseStatus.Operated,
                ReferredAtUtc = At(localDate.AddDays(-60)),
                ReferredByName = "Test Doctor",
                Indication = "Toxin no longer enough",
            };
            db.MvdCases.Add(mvdCase);
            db.MvdOperations.Add(new SpasmCare.Web.Features.Surgery.MvdOperation
            {
                CaseId = mvdCase.Id,
                PatientId = patientId,
                StartedAtUtc = At(localDate),
                EndedAtUtc = At(localDate).AddHours(3),
                SurgeonName = "Test Surgeon",
            });
            await db.SaveChangesAsync();
            return mvdCase.Id;
        });

    /// <summary>An MVD follow-up task (the worklist is generic over kinds); the case itself is not needed for the list.</summary>
    public static Task<Guid> AddMvdFollowUpTaskAsync(this AppFactory app, Guid patientId, Guid siteId, DateOnly dueFrom, DateOnly dueBy,
        string milestone = "3 months") =>
        app.WithDbAsync(async db =>
        {
            var task = new FollowUpTask
            {
                PatientId = patientId, SiteId = siteId, Kind = FollowUpKind.MvdFollowUp, SourceId = Guid.NewGuid(),
                Milestone = milestone, DueFrom = dueFrom, DueBy = dueBy,
            };
            db.FollowUpTasks.Add(task);
            await db.SaveChangesAsync();
            return task.Id;
        });
}
