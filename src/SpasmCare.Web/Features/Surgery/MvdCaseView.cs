using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// One MVD case as its page and its prints show it: the case, its hospital, operation with the LSR timeline,
/// complications, follow-up tasks, the checklist judged, the stay against the clinic's target, and redo links.
/// </summary>
public sealed record MvdCaseView(
    WorkupPatient Patient,
    MvdCase Case,
    string? HospitalName,
    TimeZoneInfo Zone,
    ChecklistResult Checklist,
    Readiness Readiness,
    MvdOperation? Operation,
    IReadOnlyList<LsrReading> Readings,
    IReadOnlyList<MvdComplication> Complications,
    IReadOnlyList<FollowUpTask> FollowUpTasks,
    StayAgainstTarget? Stay,
    MvdCaseView.Link? RedoOf,
    IReadOnlyList<MvdCaseView.Link> Redos)
{
    /// <summary>Another case of the same patient, for the redo links.</summary>
    public sealed record Link(Guid Id, DateTime ReferredAtUtc, MvdCaseStatus Status);

    /// <summary>The operation's local date at the hospital.</summary>
    public DateOnly? OperatedOn => Operation is null ? null : DateOnly.FromDateTime(Local(Operation.StartedAtUtc));

    public int? DurationMinutes => Operation is null ? null : (int)Math.Round((Operation.EndedAtUtc - Operation.StartedAtUtc).TotalMinutes);

    public IReadOnlyList<string> BaepAlarms => Operation is null ? []
        : BaepAlarm.Evaluate(Operation.BaepWaveVLatencyChangeMs, Operation.BaepWaveVAmplitudeChangePercent);

    public bool IsRedo => Case.RedoOfCaseId is not null;

    /// <summary>A booked case whose checklist has gained a gap since (no override): the page warns.</summary>
    public bool BookedButNotReady => Case.Status == MvdCaseStatus.Booked && Readiness == Readiness.NotReady;

    public DateTime Local(DateTime utc) => MvdCaseRules.ToLocal(utc, Zone);

    public string Show(DateTime? utc) =>
        utc is { } u ? Local(u).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public string ShowTime(DateTime? utc) =>
        utc is { } u ? Local(u).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public sealed class Query(SpasmCareDbContext db)
    {
        /// <summary>The patient's case in full; null when the patient or the case is unknown. The caller audits the read.</summary>
        public async Task<MvdCaseView?> LoadAsync(Guid patientId, Guid caseId, CancellationToken ct)
        {
            var c = await db.MvdCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null || await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
            {
                return null;
            }

            var hospital = c.HospitalSiteId is { } siteId
                ? await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Name, s.TimeZoneId }).FirstOrDefaultAsync(ct)
                : null;
            var zone = MvdCaseRules.Zone(hospital?.TimeZoneId);
            var operation = await db.MvdOperations.AsNoTracking().FirstOrDefaultAsync(o => o.CaseId == caseId, ct);
            var readings = operation is null ? []
                : await db.LsrReadings.AsNoTracking().Where(r => r.OperationId == operation.Id).OrderBy(r => r.Order).ToListAsync(ct);
            var complications = await db.MvdComplications.AsNoTracking()
                .Where(x => x.CaseId == caseId)
                .OrderBy(x => x.OnsetOn).ThenBy(x => x.CreatedAtUtc)
                .ToListAsync(ct);
            var tasks = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp)
                .OrderBy(t => t.DueFrom)
                .ToListAsync(ct);
            StayAgainstTarget? stay = null;
            if (c.AdmittedAtUtc is { } admitted && c.DischargedAtUtc is { } discharged
                && LengthOfStay.Compute(MvdCaseRules.ToLocal(admitted, zone), MvdCaseRules.ToLocal(discharged, zone)).Stay is { } length)
            {
                stay = LengthOfStay.Against(length, await MvdCaseRules.LengthOfStayTargetAsync(db, ct));
            }

            var others = await db.MvdCases.AsNoTracking()
                .Where(x => x.PatientId == patientId && (x.Id == c.RedoOfCaseId || x.RedoOfCaseId == caseId))
                .Select(x => new { x.Id, x.ReferredAtUtc, x.Status, x.RedoOfCaseId })
                .ToListAsync(ct);
            var redoOf = others.Where(x => x.Id == c.RedoOfCaseId).Select(x => new Link(x.Id, x.ReferredAtUtc, x.Status)).FirstOrDefault();
            var redos = others.Where(x => x.RedoOfCaseId == caseId).OrderBy(x => x.ReferredAtUtc)
                .Select(x => new Link(x.Id, x.ReferredAtUtc, x.Status)).ToList();
            var checklist = MvdCaseRules.Checklist(c);
            return new MvdCaseView(patient, c, hospital?.Name, zone, checklist,
                PreoperativeChecklist.Judge(checklist, c.ReadyOverrideReason), operation, readings, complications, tasks, stay,
                redoOf, redos);
        }
    }
}
