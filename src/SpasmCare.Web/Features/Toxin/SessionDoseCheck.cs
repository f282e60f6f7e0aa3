using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Builds the dose rules' input for a session being charted: its own points, and the patient's earlier sessions (not
/// entered in error), each with its product's reference ratio so the rules can compare onabotulinumtoxinA-equivalent
/// totals. The session's date and the earlier sessions' dates are local dates at their sites.
/// </summary>
public static class SessionDoseCheck
{
    /// <summary>
    /// Product units per onabotulinumtoxinA unit: the low bound of the product's reference ratio, or 1 when the product
    /// has none (so an unknown product's units count in full, the cautious side for every maximum).
    /// </summary>
    public static decimal OnaRatio(ToxinProduct product) =>
        product.ReferenceRatioLow is { } low && low > 0 ? low : 1m;

    public static async Task<DoseCheck> BuildAsync(
        SpasmCareDbContext db, Guid patientId, Guid? thisSessionId, DateTime injectedAtUtc, DateOnly sessionDate,
        InjectionIndication indication, ToxinProduct product, bool isBooster, IReadOnlyList<PlannedPoint> points, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(product);
        var earlier = await (
                from s in db.InjectionSessions.AsNoTracking()
                join site in db.Sites.AsNoTracking() on s.SiteId equals site.Id
                join p in db.ToxinProducts.AsNoTracking() on s.ProductId equals p.Id
                where s.PatientId == patientId && !s.EnteredInError && s.InjectedAtUtc < injectedAtUtc
                      && (thisSessionId == null || s.Id != thisSessionId)
                select new { s.InjectedAtUtc, site.TimeZoneId, s.TotalUnits, p.ReferenceRatioLow, s.IsBooster })
            .ToListAsync(ct);
        var prior = earlier
            .OrderBy(s => s.InjectedAtUtc)
            .Select(s => new PriorSession(
                DateOnly.FromDateTime(VisitTime.Local(s.InjectedAtUtc, s.TimeZoneId)),
                s.TotalUnits,
                s.ReferenceRatioLow is { } low && low > 0 ? low : 1m,
                s.IsBooster))
            .ToList();
        return new DoseCheck(sessionDate, indication, OnaRatio(product), isBooster, points, prior);
    }
}
