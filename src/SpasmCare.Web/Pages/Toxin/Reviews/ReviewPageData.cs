using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Reviews;

/// <summary>A review of the session listed on the review pages: when, who, the response, whether it was entered in error.</summary>
public sealed record ReviewLine(Guid Id, DateTime ReviewedAtUtc, string ReviewedByName, string Response, bool EnteredInError);

/// <summary>What every review page shows above its form: the patient, the session, and the session's reviews so far.</summary>
public sealed record ReviewPageData(VisitPatient Patient, ReviewSession Session, IReadOnlyList<ReviewLine> Reviews)
{
    /// <summary>The patient's session with its reviews, or null when either is unknown or the session is another patient's.</summary>
    public static async Task<ReviewPageData?> LoadAsync(SpasmCareDbContext db, ClinicTime clock, Guid patientId, Guid sessionId, CancellationToken ct)
    {
        if (await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient
            || await ReviewSession.FindAsync(db, patientId, sessionId, ct) is not { } session)
        {
            return null;
        }

        var reviews = (await db.InjectionReviews.AsNoTracking()
                .Where(r => r.SessionId == sessionId && r.PatientId == patientId)
                .OrderBy(r => r.ReviewedAtUtc)
                .Select(r => new { r.Id, r.ReviewedAtUtc, r.ReviewedByName, r.Response, r.ImprovementPercent, r.EnteredInError })
                .ToListAsync(ct))
            .Select(r => new ReviewLine(r.Id, r.ReviewedAtUtc, r.ReviewedByName, ReviewLabels.Response(r.Response, r.ImprovementPercent), r.EnteredInError))
            .ToList();
        return new ReviewPageData(patient, session, reviews);
    }
}
