using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Rules of the MVD pathway shared by its use cases: readiness, the state a step needs, times at the hospital.</summary>
public static class MvdCaseRules
{
    public const string Subject = "MvdCase";

    /// <summary>The clinic setting with the target length of stay in days (the Settings table; default 2).</summary>
    public const string LengthOfStayTargetKey = "Surgery:LengthOfStayTargetDays";

    public static ChecklistFacts Facts(MvdCase c) => new(
        c.ImagingShowsContact, c.AudiogramOn, c.AudiogramResult, c.BaepBaselineOn, c.AnaesthesiaFitOn, c.ConsentOn,
        c.ConsentTakenBy,
        PathwayLabels.RiskChoices.Where(r => c.RisksDiscussed.HasFlag(r)).Select(PathwayLabels.ToClinical).ToHashSet(),
        c.MedicationsReviewed);

    public static ChecklistResult Checklist(MvdCase c) => PreoperativeChecklist.Evaluate(Facts(c));

    public static Readiness ReadinessOf(MvdCase c) => PreoperativeChecklist.Judge(Checklist(c), c.ReadyOverrideReason);

    /// <summary>A case still before its operation: referred, ready or booked.</summary>
    public static bool BeforeOperation(MvdCaseStatus status) =>
        status is MvdCaseStatus.Referred or MvdCaseStatus.ReadyForSurgery or MvdCaseStatus.Booked;

    /// <summary>A case whose operation is recorded.</summary>
    public static bool Operated(MvdCaseStatus status) =>
        status is MvdCaseStatus.Operated or MvdCaseStatus.Discharged or MvdCaseStatus.Closed;

    /// <summary>The status a not-yet-booked case has for its checklist: ready when complete or overridden.</summary>
    public static MvdCaseStatus UnbookedStatus(MvdCase c) =>
        ReadinessOf(c) == Readiness.NotReady ? MvdCaseStatus.Referred : MvdCaseStatus.ReadyForSurgery;

    public static void NotCancelled(MvdCase c)
    {
        if (c.Status == MvdCaseStatus.Cancelled)
        {
            throw new RuleException("mvd.cancelled", "This case was cancelled; it can no longer be changed.");
        }
    }

    public static async Task<int> LengthOfStayTargetAsync(SpasmCareDbContext db, CancellationToken ct) =>
        LengthOfStay.ParseTarget(await db.Settings.AsNoTracking()
            .Where(s => s.Key == LengthOfStayTargetKey)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(ct));

    /// <summary>The time zone of a site (the clinic's default when the site names none or an unknown one).</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) => VisitTime.Zone(timeZoneId);

    public static async Task<TimeZoneInfo> HospitalZoneAsync(SpasmCareDbContext db, Guid? siteId, CancellationToken ct) =>
        Zone(siteId is { } id
            ? await db.Sites.AsNoTracking().Where(s => s.Id == id).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct)
            : null);

    /// <summary>A local date and time at a place, as UTC; null when the clock skipped it there.</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The case changed after the editor opened it; nothing was saved. Carries the version now saved.</summary>
public sealed class StaleCaseException(Guid currentVersion)
    : Exception("Someone else changed this record after you opened it. Nothing was saved.")
{
    public Guid CurrentVersion { get; } = currentVersion;
}

/// <summary>Saving a case with its audit row, and the conflict path every case edit shares.</summary>
public static class CaseSaves
{
    /// <summary>Refuses (audited as failed) when the editor's version is not the saved one.</summary>
    public static async Task CheckVersionAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, MvdCase c, Guid version,
        AuditAction action, CancellationToken ct)
    {
        if (c.Version == version)
        {
            return;
        }

        db.ChangeTracker.Clear();
        await StaleAsync(db, audit, logger, c.Id, c.PatientId, action, ct);
    }

    /// <summary>Saves; when another save won the race, records the failed attempt and throws <see cref="StaleCaseException"/>.</summary>
    public static async Task SaveAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, MvdCase c, AuditAction action,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await StaleAsync(db, audit, logger, c.Id, c.PatientId, action, ct);
        }
    }

    /// <summary>Records a failed attempt on a stale version and throws <see cref="StaleCaseException"/>.</summary>
    public static async Task StaleAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, Guid caseId, Guid patientId,
        AuditAction action, CancellationToken ct)
    {
        logger.StaleVersion(caseId, action);
        audit.Record(action, MvdCaseRules.Subject, caseId.ToString(), patientId, AuditOutcome.Failed,
            StatusCodes.Status409Conflict, "stale version");
        await db.SaveChangesAsync(ct);
        var current = await db.MvdCases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.Version).FirstAsync(ct);
        throw new StaleCaseException(current);
    }
}
