using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The clinic's MVD outcome report for a period, hospital and surgeon: aggregates only, no patient is named. Each
/// proportion has a 95 % interval (exact below 30 cases, Wilson otherwise) and sits beside its published anchor
/// (DOMAIN §4.1, §4.4). Cases are the operated, not cancelled cases whose operation falls in the period.
/// </summary>
public static class MvdOutcomes
{
    public const int SmallSample = ProportionInterval.ExactBelow;

    /// <summary>The report's filters, bound from the query string (operation date from/to, hospital, surgeon).</summary>
    public sealed class Filter : IValidatableObject
    {
        [Display(Name = "Operated from")]
        public DateOnly? From { get; set; }

        [Display(Name = "Operated to")]
        public DateOnly? To { get; set; }

        [Display(Name = "Hospital")]
        public Guid? Site { get; set; }

        [StringLength(MvdOperation.NameMax)]
        [Display(Name = "Surgeon")]
        public string? Surgeon { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (From is { } f && To is { } t && f > t)
            {
                yield return new ValidationResult("The start of the period is after its end.", [nameof(To)]);
            }
        }
    }

    /// <summary>
    /// A proportion beside its published figure. <see cref="Interval"/> is null when the denominator is 0.
    /// <see cref="Note"/> says what the denominator is or why the comparison is loose.
    /// </summary>
    public sealed record Figure(
        string Code, string Label, int Count, int Of, Proportion? Interval, PublishedAnchor? Anchor, string? Note)
    {
        public bool Small => Of is > 0 and < SmallSample;

        public string SmallNote => Of == 0
            ? "No cases to count yet."
            : $"Only {Of} {(Of == 1 ? "case" : "cases")}: the 95 % interval is wide, so a difference from the published figure may be chance.";

        public static Figure Make(string code, string label, int count, int of, PublishedAnchor? anchor, string? note) =>
            new(code, label, count, of, of == 0 ? null : ProportionInterval.For(count, of), anchor, note);
    }

    /// <summary>Complications of one kind: cases with it at all, transient, permanent, and not yet settled.</summary>
    public sealed record ComplicationRow(MvdComplicationKind Kind, string Label, Figure Any, Figure Transient, Figure Permanent, int Ongoing)
    {
        /// <summary>The figures worth a row: those with cases or with a published figure to compare with.</summary>
        public IEnumerable<(string Label, Figure Figure)> Shown =>
            new[] { (Label + " (any)", Any), (Label + ", transient", Transient), (Label + ", permanent", Permanent) }
                .Where(x => x.Item2.Count > 0 || x.Item2.Anchor is not null);
    }

    public sealed record StayBucket(string Label, int Count);

    /// <summary>Length of stay (days as hospitals count them; see LengthOfStay) against the clinic's target.</summary>
    public sealed record StayFigures(int Stays, IReadOnlyList<StayBucket> Histogram, double? Median, int TargetDays, Figure WithinTarget);

    /// <summary>How the cases stand on the way to a cure (DelayedCure), on the day the report is run.</summary>
    public sealed record CureCounts(int Immediate, int Delayed, int NotYetCured, int Failed, int Recurred, int NoFollowUp);

    public sealed record Option(string Value, string Label);

    public sealed record Report(
        Filter Filter, DateOnly RunOn, int Cases, IReadOnlyList<Figure> Resolution, CureCounts Cures, Figure DelayedShare,
        IReadOnlyList<ComplicationRow> Complications, StayFigures Stay, Figure Recurrence, Figure Redo, int RedosOperated,
        SurvivalCurve Survival, int WindowMonths, IReadOnlyList<Option> Sites, IReadOnlyList<string> Surgeons)
    {
        public string? SiteName => Filter.Site is { } id ? Sites.FirstOrDefault(s => s.Value == id.ToString())?.Label : null;
    }

    private sealed record CaseRow(
        Guid Id, Guid? SiteId, DateTime? AdmittedAtUtc, DateTime? DischargedAtUtc, bool DeclaredFailed, DateOnly? RecurredOn,
        DateTime StartedAtUtc);

    public sealed class Query(SpasmCareDbContext db, ClinicTime clock)
    {
        public async Task<Report> RunAsync(Filter filter, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(filter);
            var today = clock.Today;
            var settings = await SurgerySettings.LoadAsync(db, ct);
            var sites = await db.Sites.AsNoTracking()
                .Where(s => db.MvdCases.Any(c => c.HospitalSiteId == s.Id))
                .OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, s.TimeZoneId })
                .ToListAsync(ct);
            var surgeons = await db.MvdOperations.AsNoTracking()
                .Select(o => o.SurgeonName).Distinct().OrderBy(n => n).ToListAsync(ct);

            var operated =
                from c in db.MvdCases
                join o in db.MvdOperations on c.Id equals o.CaseId
                where c.Status != MvdCaseStatus.Cancelled
                select new { Case = c, Operation = o };
            if (filter.From is { } from)
            {
                var fromUtc = clock.ToUtc(from);
                operated = operated.Where(x => x.Operation.StartedAtUtc >= fromUtc);
            }

            if (filter.To is { } to)
            {
                var toUtc = clock.ToUtc(to.AddDays(1));
                operated = operated.Where(x => x.Operation.StartedAtUtc < toUtc);
            }

            if (filter.Site is { } site)
            {
                operated = operated.Where(x => x.Case.HospitalSiteId == site);
            }

            if (!string.IsNullOrWhiteSpace(filter.Surgeon))
            {
                var surgeon = filter.Surgeon.Trim();
                operated = operated.Where(x => x.Operation.SurgeonName == surgeon);
            }

            var caseIds = operated.Select(x => x.Case.Id);
            var cases = await operated.AsNoTracking()
                .Select(x => new CaseRow(x.Case.Id, x.Case.HospitalSiteId, x.Case.AdmittedAtUtc, x.Case.DischargedAtUtc,
                    x.Case.DeclaredFailed, x.Case.RecurredOn, x.Operation.StartedAtUtc))
                .ToListAsync(ct);
            var followUps = (await db.MvdFollowUps.AsNoTracking()
                    .Where(f => !f.EnteredInError && caseIds.Contains(f.CaseId))
                    .Select(f => new { f.CaseId, f.SeenOn, f.SpasmStatus })
                    .ToListAsync(ct))
                .ToLookup(f => f.CaseId, f => new SpasmObservation(f.SeenOn, FollowUpLabels.ToClinical(f.SpasmStatus)));
            var complications = await db.MvdComplications.AsNoTracking()
                .Where(x => !x.EnteredInError && caseIds.Contains(x.CaseId))
                .Select(x => new { x.CaseId, x.Kind, x.Course })
                .ToListAsync(ct);
            var redos = await db.MvdCases.AsNoTracking()
                .Where(r => r.RedoOfCaseId != null && r.Status != MvdCaseStatus.Cancelled && caseIds.Contains(r.RedoOfCaseId.Value))
                .Select(r => new { First = r.RedoOfCaseId!.Value, r.Status })
                .ToListAsync(ct);

            var zones = sites.ToDictionary(s => s.Id, s => MvdCaseRules.Zone(s.TimeZoneId));
            var defaultZone = MvdCaseRules.Zone(null);
            TimeZoneInfo ZoneOf(CaseRow c) => c.SiteId is { } id && zones.TryGetValue(id, out var z) ? z : defaultZone;

            var assessed = cases.Select(c =>
            {
                var operatedOn = DateOnly.FromDateTime(MvdCaseRules.ToLocal(c.StartedAtUtc, ZoneOf(c)));
                var course = new PostOperativeCourse(operatedOn, followUps[c.Id].ToList(), c.DeclaredFailed, c.RecurredOn);
                return (Row: c, Course: course, Cure: DelayedCure.Assess(course, today, settings.FailureWindowMonths));
            }).ToList();
            var n = assessed.Count;

            var resolution = new List<Figure>
            {
                ResolutionAt(assessed.Select(a => a.Course), FollowUpSchedule.OneWeek, "complete-1-week", "Complete resolution at 1 week",
                    PublishedAnchors.ImmediateSuccess,
                    $"Published: immediate success {PublishedAnchors.ImmediateSuccess.PercentText} ({PublishedAnchors.ImmediateSuccess.Source}); complete in week 1 {PublishedAnchors.CompleteInWeekOne.PercentText} ({PublishedAnchors.CompleteInWeekOne.Source})."),
                ResolutionAt(assessed.Select(a => a.Course), FollowUpSchedule.ThreeMonths, "complete-3-months", "Complete resolution at 3 months",
                    null, ThreeMonthNote()),
                ResolutionAt(assessed.Select(a => a.Course), FollowUpSchedule.TwelveMonths, "complete-1-year", "Complete resolution at 1 year",
                    PublishedAnchors.CompleteResolution,
                    $"Published: {PublishedAnchors.CompleteResolution.PercentText} complete resolution at a median 2.9 years ({PublishedAnchors.CompleteResolution.Source}); {PublishedAnchors.CompleteAt12Months.PercentText} at 12 months in {PublishedAnchors.CompleteAt12Months.Source}."),
            };

            var cures = new CureCounts(
                assessed.Count(a => a.Cure.State == CureState.CuredImmediately),
                assessed.Count(a => a.Cure.State == CureState.CuredDelayed),
                assessed.Count(a => a.Cure.State == CureState.NotYetCured),
                assessed.Count(a => a.Cure.State == CureState.Failed),
                assessed.Count(a => a.Cure.State == CureState.Recurred),
                assessed.Count(a => a.Cure.State == CureState.NoFollowUp));
            var curedKnownStart = assessed.Where(a => a.Cure.IsCured && a.Course.Early is not null).ToList();
            var delayedShare = Figure.Make("delayed-cure", "Delayed cures", curedKnownStart.Count(a => !a.Cure.Immediate), curedKnownStart.Count,
                PublishedAnchors.DelayedRelief,
                "Of the cured cases seen by day 14 (so it is known whether the cure was immediate). Published: delayed relief "
                + $"{PublishedAnchors.DelayedRelief.PercentText} ({PublishedAnchors.DelayedRelief.Source}).");

            var complicationRows = Complications(complications.Select(x => (x.CaseId, x.Kind, x.Course)).ToList(), n);
            var stay = Stay(cases, ZoneOf, settings.LengthOfStayTargetDays);
            var recurrence = Figure.Make("recurrence", "Recurrences", cases.Count(c => c.RecurredOn is not null), n, PublishedAnchors.Recurrence,
                "Of all operated cases, as in the published review.");
            var redoCases = redos.Select(r => r.First).Distinct().Count();
            var redo = Figure.Make("redo", "Redo operations referred", redoCases, n, PublishedAnchors.Redo,
                "Cases with a redo case referred (not cancelled), of all operated cases.");
            var survival = KaplanMeier.Estimate(assessed.Select(a => SurvivalOf(a.Course, a.Cure)));

            return new Report(filter, today, n, resolution, cures, delayedShare, complicationRows, stay, recurrence, redo,
                redos.Count(r => MvdCaseRules.Operated(r.Status)), survival, settings.FailureWindowMonths,
                sites.Select(s => new Option(s.Id.ToString(), s.Name)).ToList(), surgeons);
        }
    }

    /// <summary>
    /// Complete resolution at a milestone: of the cases with a follow-up in that milestone's window, those whose last
    /// follow-up in the window found the spasm gone.
    /// </summary>
    public static Figure ResolutionAt(IEnumerable<PostOperativeCourse> courses, string milestone, string code, string label,
        PublishedAnchor? anchor, string note)
    {
        ArgumentNullException.ThrowIfNull(courses);
        int seen = 0, gone = 0;
        foreach (var course in courses)
        {
            var window = FollowUpSchedule.Find(course.OperatedOn, milestone)!;
            var inWindow = course.Ordered.LastOrDefault(o => window.Contains(o.SeenOn));
            if (inWindow is null)
            {
                continue;
            }

            seen++;
            gone += inWindow.State == SpasmState.Gone ? 1 : 0;
        }

        var window0 = FollowUpSchedule.Find(new DateOnly(2000, 1, 1), milestone)!;
        var days = $"days {window0.DueFrom.DayNumber - new DateOnly(2000, 1, 1).DayNumber}–{window0.DueBy.DayNumber - new DateOnly(2000, 1, 1).DayNumber}";
        return Figure.Make(code, label, gone, seen, anchor,
            $"Of the cases with a follow-up in the {milestone} window (about {days} after the operation). {note}");
    }

    /// <summary>
    /// Spasm-free survival for one case: the event is a recurrence (at its date) or a failure (declared, or by the
    /// window), placed at the last follow-up — when the case was last seen not cured, the same time other cases are
    /// censored at, so failures are not pushed past every censoring; otherwise censored at the last follow-up.
    /// </summary>
    public static SurvivalObservation SurvivalOf(PostOperativeCourse course, CureAssessment cure)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cure);
        var last = course.Ordered.Count == 0 ? 0 : course.DayOf(course.Ordered[^1].SeenOn);
        return cure.State switch
        {
            CureState.Recurred => new SurvivalObservation(course.DayOf(course.RecurredOn!.Value), true),
            CureState.Failed => new SurvivalObservation(last, true),
            _ => new SurvivalObservation(last, false),
        };
    }

    private static string ThreeMonthNote()
    {
        var band = ExpectedCourse.At(91)!;
        return $"No pooled figure for 3 months in DOMAIN §4; the published courses of DOMAIN §4.4 give {band.Low.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}–{band.High.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} % spasm-free by then.";
    }

    private static readonly Dictionary<MvdComplicationKind, (PublishedAnchor? Any, PublishedAnchor? Transient, PublishedAnchor? Permanent)> ComplicationAnchors = new()
    {
        [MvdComplicationKind.FacialPalsy] = (null, PublishedAnchors.TransientFacialPalsy, PublishedAnchors.PermanentFacialPalsy),
        [MvdComplicationKind.HearingLoss] = (null, PublishedAnchors.TransientHearingDeficit, PublishedAnchors.PermanentHearingDeficit),
        [MvdComplicationKind.CsfLeak] = (null, PublishedAnchors.CsfLeak, null),
        [MvdComplicationKind.Stroke] = (PublishedAnchors.Stroke, null, null),
        [MvdComplicationKind.Death] = (PublishedAnchors.Death, null, null),
    };

    private static List<ComplicationRow> Complications(List<(Guid CaseId, MvdComplicationKind Kind, ComplicationCourse Course)> all, int n) =>
        Enum.GetValues<MvdComplicationKind>()
            .Where(k => all.Any(c => c.Kind == k) || ComplicationAnchors.ContainsKey(k))
            .Select(k =>
            {
                var of = all.Where(c => c.Kind == k).ToList();
                var anchors = ComplicationAnchors.GetValueOrDefault(k);
                int Cases(Func<ComplicationCourse, bool> which) => of.Where(c => which(c.Course)).Select(c => c.CaseId).Distinct().Count();
                var label = KindLabel(k);
                return new ComplicationRow(k, label,
                    Figure.Make("complication-" + k + "-any", label, Cases(_ => true), n, anchors.Any, null),
                    Figure.Make("complication-" + k + "-transient", label + " (transient)", Cases(c => c == ComplicationCourse.Transient), n, anchors.Transient, null),
                    Figure.Make("complication-" + k + "-permanent", label + " (permanent)", Cases(c => c == ComplicationCourse.Permanent), n, anchors.Permanent, null),
                    Cases(c => c == ComplicationCourse.Ongoing));
            })
            .ToList();

    public static string KindLabel(MvdComplicationKind kind) => kind switch
    {
        MvdComplicationKind.FacialPalsy => "Facial palsy",
        MvdComplicationKind.DelayedFacialPalsy => "Delayed facial palsy",
        MvdComplicationKind.HearingLoss => "Hearing loss",
        MvdComplicationKind.CsfLeak => "CSF leak",
        MvdComplicationKind.WoundInfection => "Wound infection",
        MvdComplicationKind.LowerCranialNervePalsy => "Lower cranial nerve palsy",
        MvdComplicationKind.CerebellarInjury => "Cerebellar injury",
        MvdComplicationKind.Stroke => "Stroke",
        MvdComplicationKind.Death => "Death",
        _ => "Other",
    };

    public const int StayBuckets = 7;

    private static StayFigures Stay(List<CaseRow> cases, Func<CaseRow, TimeZoneInfo> zoneOf, int target)
    {
        var days = cases
            .Where(c => c.AdmittedAtUtc is not null && c.DischargedAtUtc is not null)
            .Select(c => LengthOfStay.Compute(MvdCaseRules.ToLocal(c.AdmittedAtUtc!.Value, zoneOf(c)),
                MvdCaseRules.ToLocal(c.DischargedAtUtc!.Value, zoneOf(c))).Stay)
            .Where(s => s is not null)
            .Select(s => s!.Days)
            .Order()
            .ToList();
        var histogram = Enumerable.Range(1, StayBuckets)
            .Select(d => new StayBucket(d == 1 ? "1 day" : $"{d} days", days.Count(x => x == d)))
            .Append(new StayBucket($"More than {StayBuckets} days", days.Count(x => x > StayBuckets)))
            .ToList();
        double? median = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
        var within = Figure.Make("stay-within-target", $"Stays within the target of {target} {(target == 1 ? "day" : "days")}",
            days.Count(d => d <= target), days.Count, null, "Of the cases with admission and discharge recorded.");
        return new StayFigures(days.Count, histogram, median, target, within);
    }
}
