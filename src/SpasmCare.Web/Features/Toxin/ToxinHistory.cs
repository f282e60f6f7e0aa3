using System.Globalization;
using System.Text.Json;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// A patient's toxin history for the patient page's card: every session not entered in error with its outcome (one
/// query), the next injection due (<see cref="NextInjection"/>), the non-response assessment (<see cref="NonResponse"/>),
/// resistance tests and open follow-up tasks.
/// <para>
/// A session's outcome comes from its reviews not entered in error: the response and % improvement of the latest review
/// that graded the peak, the latest onset day recorded, and the latest date it wore off, which gives the benefit days.
/// </para>
/// </summary>
public static class ToxinHistory
{
    /// <summary>One session and its outcome. <see cref="OnaUnits"/> = <see cref="TotalUnits"/> ÷ <see cref="OnaRatio"/>.</summary>
    public sealed record Cycle(
        Guid SessionId, DateTime InjectedAtUtc, DateOnly Date, string SiteName, string ProductName, bool HasComplexingProteins,
        decimal TotalUnits, decimal OnaRatio, bool IsBooster, ToxinResponse? Response, int? ImprovementPercent, int? OnsetDay,
        DateOnly? WoreOffOn, Guid? LatestReviewId, int Reviews)
    {
        public decimal OnaUnits => OnaRatio > 0 ? Math.Round(TotalUnits / OnaRatio, 2) : TotalUnits;

        public int? BenefitDays => WoreOffOn is { } off && off > Date ? off.DayNumber - Date.DayNumber : null;

        public ToxinCycle ToClinical() => new(Date, OnaUnits, IsBooster, Response, ImprovementPercent, BenefitDays);
    }

    public sealed record Effect(Guid SessionId, Guid? ReviewId, ToxinAdverseEffectKind Kind, string? OtherDescription, Severity Severity,
        DateOnly OnsetOn, DateOnly? ResolvedOn)
    {
        public string Text => ReviewLabels.Of(Kind) + ": " + AdverseEffectInput.Describe(Kind, Severity, OnsetOn, ResolvedOn, OtherDescription);
    }

    public sealed record Test(Guid Id, ResistanceTestKind Kind, DateOnly PerformedOn, string? ProductName, decimal? Units, DateOnly? ReadOn,
        ResistanceTestResult Result);

    public sealed record OpenTask(Guid Id, FollowUpKind Kind, string? Milestone, Guid SourceId, DateOnly DueFrom, DateOnly DueBy);

    public sealed record History(
        Guid PatientId, IReadOnlyList<Cycle> NewestFirst, NextInjectionDue? Next, NonResponseAssessment Assessment,
        IReadOnlyList<string> ExtraSteps, IReadOnlyList<Effect> Effects, IReadOnlyList<Test> Tests, IReadOnlyList<OpenTask> Tasks)
    {
        public bool HasSessions => NewestFirst.Count > 0;
    }

    /// <summary>
    /// When the next session is due: from the latest session of any kind, with the typical benefit taken from the known
    /// benefit days of the full (non-booster) sessions — the latest one included once it has worn off, since it is the
    /// best guide to the next. Boosters extend a cycle rather than start one, so their own benefit is left out.
    /// </summary>
    public static NextInjectionDue? Due(IEnumerable<(DateOnly Date, bool IsBooster, int? BenefitDays)> sessions, DoseRuleSettings settings)
    {
        var all = sessions.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var last = all.Max(s => s.Date);
        var benefits = all.Where(s => !s.IsBooster && s.BenefitDays is > 0).Select(s => s.BenefitDays!.Value).ToList();
        return NextInjection.Compute(last, benefits, settings);
    }

    /// <summary>"this patient's median benefit of 91 days (4 cycles)" or "the 12-week default (no benefit duration recorded yet)".</summary>
    public static string DueReason(NextInjectionDue due, DateOnly lastSession, int cyclesWithBenefit) =>
        (due.FromHistory
            ? $"this patient's median benefit of {due.TypicalBenefitDays.ToString(CultureInfo.InvariantCulture)} days ({cyclesWithBenefit.ToString(CultureInfo.InvariantCulture)} {(cyclesWithBenefit == 1 ? "cycle" : "cycles")})"
            : $"the {(NextInjection.DefaultBenefitDays / 7).ToString(CultureInfo.InvariantCulture)}-week default (no benefit duration recorded yet)")
        + (lastSession.AddDays(due.TypicalBenefitDays) < due.EarliestOn ? ", held back to the minimum interval between sessions" : "");

    public sealed class Query(SpasmCareDbContext db, AuditLog audit)
    {
        /// <summary>The patient's cycles, oldest first, in one query (sessions with their reviews).</summary>
        public async Task<IReadOnlyList<Cycle>> CyclesAsync(Guid patientId, CancellationToken ct)
        {
            var rows = await (
                    from s in db.InjectionSessions.AsNoTracking()
                    where s.PatientId == patientId && !s.EnteredInError
                    join p in db.ToxinProducts on s.ProductId equals p.Id
                    join site in db.Sites on s.SiteId equals site.Id into sites
                    from site in sites.DefaultIfEmpty()
                    join r in db.InjectionReviews.Where(r => !r.EnteredInError) on s.Id equals r.SessionId into reviews
                    from r in reviews.DefaultIfEmpty()
                    select new
                    {
                        s.Id, s.InjectedAtUtc, SiteName = site == null ? "" : site.Name,
                        TimeZoneId = site == null ? Sites.Site.DefaultTimeZone : site.TimeZoneId,
                        ProductName = p.Name, p.HasComplexingProteins, p.ReferenceRatioLow, s.TotalUnits, s.IsBooster,
                        ReviewId = r == null ? (Guid?)null : r.Id, ReviewedAtUtc = r == null ? (DateTime?)null : r.ReviewedAtUtc,
                        Response = r == null ? null : r.Response, Improvement = r == null ? null : r.ImprovementPercent,
                        OnsetDay = r == null ? null : r.OnsetDay, WoreOffOn = r == null ? null : r.WoreOffOn,
                    })
                .ToListAsync(ct);

            return rows
                .GroupBy(r => r.Id)
                .Select(g =>
                {
                    var first = g.First();
                    var reviews = g.Where(r => r.ReviewId is not null).OrderBy(r => r.ReviewedAtUtc).ThenBy(r => r.ReviewId).ToList();
                    var graded = reviews.LastOrDefault(r => r.Response is not null || r.Improvement is not null);
                    return new Cycle(
                        first.Id, first.InjectedAtUtc, DateOnly.FromDateTime(VisitTime.Local(first.InjectedAtUtc, first.TimeZoneId)),
                        first.SiteName, first.ProductName, first.HasComplexingProteins, first.TotalUnits,
                        first.ReferenceRatioLow is { } low && low > 0 ? low : 1m, first.IsBooster,
                        graded?.Response, graded?.Improvement, reviews.LastOrDefault(r => r.OnsetDay is not null)?.OnsetDay,
                        reviews.LastOrDefault(r => r.WoreOffOn is not null)?.WoreOffOn, reviews.LastOrDefault()?.ReviewId, reviews.Count);
                })
                .OrderBy(c => c.InjectedAtUtc)
                .ToList();
        }

        /// <summary>Everything the toxin card shows. Audited as a read of the patient's toxin history.</summary>
        public async Task<History> ForPatientAsync(Guid patientId, CancellationToken ct)
        {
            audit.Read(AuditAction.ToxinHistoryViewed, patientId);
            var cycles = await CyclesAsync(patientId, ct);

            // The clinic's interval rule (Settings, "Toxin:MinIntervalWeeks"); the defaults of DOMAIN §3.5 when unset.
            var settings = await ToxinRuleSettings.LoadAsync(db, ct);
            var next = Due(cycles.Select(c => (c.Date, c.IsBooster, c.BenefitDays)), settings);
            var assessment = NonResponse.Evaluate([.. cycles.Select(c => c.ToClinical())]);
            var extra = new List<string>();
            if (assessment.PossibleSecondaryNonResponse)
            {
                if (cycles.LastOrDefault(c => !c.IsBooster)?.HasComplexingProteins != false)
                {
                    extra.Add("Consider a product without complexing proteins, such as incobotulinumtoxinA (DOMAIN §3.9).");
                }

                extra.Add("Consider referral for microvascular decompression (DOMAIN §4).");
            }

            var sessionIds = cycles.Select(c => c.SessionId).ToList();
            var effects = await db.ToxinAdverseEffects.AsNoTracking()
                .Where(e => e.PatientId == patientId && !e.EnteredInError && sessionIds.Contains(e.SessionId))
                .OrderBy(e => e.OnsetOn)
                .Select(e => new Effect(e.SessionId, e.ReviewId, e.Kind, e.OtherDescription, e.Severity, e.OnsetOn, e.ResolvedOn))
                .ToListAsync(ct);
            var tests = await (
                    from t in db.ResistanceTests.AsNoTracking()
                    where t.PatientId == patientId && !t.EnteredInError
                    join p in db.ToxinProducts on t.ProductId equals p.Id into products
                    from p in products.DefaultIfEmpty()
                    orderby t.PerformedOn descending
                    select new Test(t.Id, t.Kind, t.PerformedOn, p == null ? null : p.Name, t.Units, t.ReadOn, t.Result))
                .ToListAsync(ct);
            var kinds = ToxinFollowUps.Kinds.ToList();
            var tasks = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.PatientId == patientId && t.Status == FollowUpStatus.Open && kinds.Contains(t.Kind))
                .OrderBy(t => t.DueFrom)
                .Select(t => new OpenTask(t.Id, t.Kind, t.Milestone, t.SourceId, t.DueFrom, t.DueBy))
                .ToListAsync(ct);

            return new History(patientId, [.. Enumerable.Reverse(cycles)], next, assessment, extra, effects, tests, tasks);
        }
    }

    /// <summary>
    /// The data of the toxin chart, written into the page as a JSON block that <c>wwwroot/js/toxin-chart.js</c> draws:
    /// one panel each for dose, peak effect and duration of benefit, and one per rating scale, all on the same time axis
    /// (UTC milliseconds, as <see cref="ScaleChart"/> uses).
    /// </summary>
    public sealed record Chart(string TimeZone, IReadOnlyList<Chart.Session> Sessions, IReadOnlyList<ScaleChart> Scales)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public sealed record Session(long X, string Date, decimal Units, string Product, bool IsBooster, int? ImprovementPercent,
            string Response, int? BenefitDays);

        public static Chart From(IReadOnlyList<Cycle> oldestFirst, IReadOnlyList<ScaleChart> scales, string timeZone) =>
            new(timeZone,
                [.. oldestFirst.Select(c => new Session(ScaleChart.Milliseconds(c.InjectedAtUtc), ReviewLabels.Date(c.Date), c.TotalUnits,
                    c.ProductName, c.IsBooster, c.ImprovementPercent, ReviewLabels.Of(c.Response), c.BenefitDays))],
                scales);

        /// <summary>The session dates as chart markers for the scale panels.</summary>
        public static IReadOnlyList<ScaleChart.Marker> Markers(IReadOnlyList<Cycle> cycles) =>
            [.. cycles.Select(c => new ScaleChart.Marker(ScaleChart.Milliseconds(c.InjectedAtUtc), "BoNT"))];

        /// <summary>The JSON for the page; the default encoder escapes &lt; and &gt;, so it is safe inside a script block.</summary>
        public string ToJson() => JsonSerializer.Serialize(this, Json);
    }
}
