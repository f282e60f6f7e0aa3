using System.Text.Json;
using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Who and which case a follow-up page is about, and the operation's local date at the hospital.</summary>
public sealed record FollowUpCase(WorkupPatient Patient, MvdCase Case, DateOnly? OperatedOn)
{
    /// <summary>The patient's case with its operation date; null when either is unknown or the case is another patient's.</summary>
    public static async Task<FollowUpCase?> FindAsync(SpasmCareDbContext db, Guid patientId, Guid caseId, CancellationToken ct)
    {
        var c = await db.MvdCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
        if (c is null || await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return null;
        }

        return new FollowUpCase(patient, c, await OperatedOnAsync(db, c, ct));
    }

    public static async Task<DateOnly?> OperatedOnAsync(SpasmCareDbContext db, MvdCase c, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(c);
        var started = await db.MvdOperations.AsNoTracking()
            .Where(o => o.CaseId == c.Id)
            .Select(o => (DateTime?)o.StartedAtUtc)
            .FirstOrDefaultAsync(ct);
        if (started is not { } s)
        {
            return null;
        }

        var zone = await MvdCaseRules.HospitalZoneAsync(db, c.HospitalSiteId, ct);
        return DateOnly.FromDateTime(MvdCaseRules.ToLocal(s, zone));
    }
}

/// <summary>
/// A case's course after its operation, for the case page: the follow-ups with their grade, the delayed-cure state,
/// the Li and SKKU time-course types, the open follow-up tasks, and the chart of the course against the expected band.
/// </summary>
public sealed record MvdCourse(
    FollowUpCase Header,
    IReadOnlyList<MvdCourse.Row> FollowUps,
    CureAssessment? Cure,
    SchemeResult? Li,
    SchemeResult? Skku,
    int WindowMonths,
    IReadOnlyList<FollowUpTask> Tasks,
    MvdCourseChart? Chart,
    bool HasRedo,
    DateOnly Today)
{
    /// <summary>One follow-up: its day after the operation and its excellent/good/fair/poor grade.</summary>
    public sealed record Row(MvdFollowUp FollowUp, int Day, OutcomeGrade Grade);

    public bool Operated => Header.OperatedOn is not null;

    public Row? Latest => FollowUps.Count == 0 ? null : FollowUps[^1];

    /// <summary>A recurrence can be recorded after a cure, once.</summary>
    public bool CanRecordRecurrence => Cure is { IsCured: true } && Header.Case.RecurredOn is null;

    /// <summary>A failure can be declared while the case has never been cured and is not declared yet.</summary>
    public bool CanDeclareFailed => Operated && Cure is { IsCured: false } && !Header.Case.DeclaredFailed;

    /// <summary>The milestone tasks still open, earliest first; the first is the one to record next.</summary>
    public IEnumerable<FollowUpTask> OpenTasks => Tasks.Where(t => t.Status == FollowUpStatus.Open);

    /// <summary>Open tasks whose window has begun: due now, or overdue.</summary>
    public IEnumerable<FollowUpTask> DueTasks => OpenTasks.Where(t => t.DueFrom <= Today);

    /// <summary>The course rules applied to a case's follow-ups (entered-in-error ones left out by the caller).</summary>
    public static (PostOperativeCourse Course, CureAssessment Cure, SchemeResult Li, SchemeResult Skku) Assess(
        MvdCase c, DateOnly operatedOn, IEnumerable<MvdFollowUp> followUps, DateOnly today, int windowMonths)
    {
        ArgumentNullException.ThrowIfNull(c);
        var course = new PostOperativeCourse(operatedOn,
            followUps.Select(f => new SpasmObservation(f.SeenOn, FollowUpLabels.ToClinical(f.SpasmStatus))).ToList(),
            c.DeclaredFailed, c.RecurredOn);
        var cure = DelayedCure.Assess(course, today, windowMonths);
        return (course, cure, OutcomeGrading.LiType(course, cure), OutcomeGrading.SkkuGroup(course, cure));
    }

    public sealed class Query(SpasmCareDbContext db, ClinicTime clock)
    {
        /// <summary>The case's course; null when the patient or case is unknown. The caller audits the read.</summary>
        public async Task<MvdCourse?> LoadAsync(Guid patientId, Guid caseId, CancellationToken ct)
        {
            if (await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
            {
                return null;
            }

            var settings = await SurgerySettings.LoadAsync(db, ct);
            var followUps = await db.MvdFollowUps.AsNoTracking()
                .Where(f => f.CaseId == caseId && !f.EnteredInError)
                .OrderBy(f => f.SeenOn).ThenBy(f => f.CreatedAtUtc)
                .ToListAsync(ct);
            var tasks = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp)
                .OrderBy(t => t.DueFrom)
                .ToListAsync(ct);
            var hasRedo = await db.MvdCases.AnyAsync(c => c.RedoOfCaseId == caseId && c.Status != MvdCaseStatus.Cancelled, ct);
            if (header.OperatedOn is not { } operatedOn)
            {
                return new MvdCourse(header, [], null, null, null, settings.FailureWindowMonths, tasks, null, hasRedo, clock.Today);
            }

            var (_, cure, li, skku) = Assess(header.Case, operatedOn, followUps, clock.Today, settings.FailureWindowMonths);
            var rows = followUps
                .Select(f => new Row(f, f.SeenOn.DayNumber - operatedOn.DayNumber, OutcomeGrading.Grade(FollowUpLabels.ToClinical(f.SpasmStatus))))
                .ToList();
            return new MvdCourse(header, rows, cure, li, skku, settings.FailureWindowMonths, tasks,
                MvdCourseChart.From(rows), hasRedo, clock.Today);
        }
    }
}

/// <summary>
/// The data of the course chart, written into the page as JSON that <c>wwwroot/js/mvd-charts.js</c> draws: the
/// patient's improvement at each follow-up (gone 100, ≥90 % 90, about half 50, unchanged 0, worse −20) by day after
/// the operation, over the band of the share of patients spasm-free by then in published series (DOMAIN §4.4).
/// </summary>
public sealed record MvdCourseChart(IReadOnlyList<MvdCourseChart.Point> Points, IReadOnlyList<MvdCourseChart.BandPoint> Band)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Point(int Day, int Improvement, string Label, string Date);

    public sealed record BandPoint(int Day, decimal Low, decimal High, string Label);

    public static MvdCourseChart From(IReadOnlyList<MvdCourse.Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows
            .Select(r => new Point(r.Day, FollowUpLabels.Improvement(r.FollowUp.SpasmStatus), FollowUpLabels.Of(r.FollowUp.SpasmStatus),
                FollowUpLabels.Date(r.FollowUp.SeenOn)))
            .ToList();
        var band = ExpectedCourse.Band().Select(b => new BandPoint(b.Day, b.Low, b.High, b.Label)).ToList();
        return new MvdCourseChart(points, band);
    }

    /// <summary>The JSON for the page; the default encoder escapes &lt; and &gt;, so it is safe inside a script block.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
