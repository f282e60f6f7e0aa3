using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// Operated MVD cases, follow-ups and complications written straight into the database, so the follow-up and
/// outcome tests do not depend on the referral, booking and operation pages. Operations start at 09:00 in the
/// hospital (Asia/Kolkata, 03:30 UTC); stays are given as local dates and hours.
/// </summary>
public static class MvdOutcomeTestData
{
    public const string Surgeon = "Dr Fixture Surgeon";

    public static async Task<Guid> HospitalAsync(AppFactory app, string? name = null)
    {
        var site = new Site
        {
            Name = name ?? TestData.UniqueWord("Hospital "),
            Kind = SiteKind.Hospital,
            HasOperatingTheatre = true,
            Address = "1 Test Road",
            City = "Pune",
            PinCode = "411001",
            Phone = "020 1234 5678",
            TimeZoneId = Site.DefaultTimeZone,
        };
        return await app.WithDbAsync(async db =>
        {
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site.Id;
        });
    }

    /// <summary>An operated (discharged when a stay is given) case with its operation and the follow-up tasks.</summary>
    public static async Task<Guid> OperatedCaseAsync(AppFactory app, Guid patientId, Guid siteId, DateOnly operatedOn,
        string surgeon = Surgeon, (DateTime AdmittedLocal, DateTime DischargedLocal)? stay = null, Guid? redoOf = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Site.DefaultTimeZone);
        DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var start = Utc(operatedOn.ToDateTime(new TimeOnly(9, 0)));
        var c = new MvdCase
        {
            PatientId = patientId,
            Status = stay is null ? MvdCaseStatus.Operated : MvdCaseStatus.Discharged,
            Side = AffectedSide.Left,
            ReferredAtUtc = start.AddDays(-60),
            ReferredBy = Guid.NewGuid(),
            ReferredByName = "Dr Referrer",
            Indication = "Left hemifacial spasm, toxin wearing off early.",
            HospitalSiteId = siteId,
            SurgeonName = surgeon,
            ScheduledStartUtc = start,
            ScheduledMinutes = 180,
            AdmittedAtUtc = stay is { } s ? Utc(s.AdmittedLocal) : null,
            DischargedAtUtc = stay is { } d ? Utc(d.DischargedLocal) : null,
            RedoOfCaseId = redoOf,
        };
        var operation = new MvdOperation
        {
            CaseId = c.Id,
            PatientId = patientId,
            StartedAtUtc = start,
            EndedAtUtc = start.AddHours(2),
            Side = AffectedSide.Left,
            SurgeonName = surgeon,
        };
        return await app.WithDbAsync(async db =>
        {
            db.MvdCases.Add(c);
            db.MvdOperations.Add(operation);
            MvdFollowUpTasks.Schedule(db, c, siteId, operatedOn);
            await db.SaveChangesAsync();
            return c.Id;
        });
    }

    /// <summary>A referred (not operated) case, e.g. a redo referral.</summary>
    public static async Task<Guid> ReferredCaseAsync(AppFactory app, Guid patientId, Guid? redoOf = null)
    {
        var c = new MvdCase
        {
            PatientId = patientId,
            Status = MvdCaseStatus.Referred,
            Side = AffectedSide.Left,
            ReferredAtUtc = app.Time.GetUtcNow().UtcDateTime,
            ReferredBy = Guid.NewGuid(),
            ReferredByName = "Dr Referrer",
            Indication = "Recurrence after MVD.",
            RedoOfCaseId = redoOf,
        };
        return await app.WithDbAsync(async db =>
        {
            db.MvdCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
    }

    public static async Task<Guid> FollowUpAsync(AppFactory app, Guid patientId, Guid caseId, string milestone, DateOnly seenOn,
        SpasmStatus status)
    {
        var f = new MvdFollowUp { CaseId = caseId, PatientId = patientId, Milestone = milestone, SeenOn = seenOn, SpasmStatus = status };
        return await app.WithDbAsync(async db =>
        {
            db.MvdFollowUps.Add(f);
            await db.SaveChangesAsync();
            return f.Id;
        });
    }

    public static Task ComplicationAsync(AppFactory app, Guid patientId, Guid caseId, MvdComplicationKind kind,
        ComplicationCourse course, DateOnly onset) =>
        app.WithDbAsync(async db =>
        {
            db.MvdComplications.Add(new MvdComplication { CaseId = caseId, PatientId = patientId, Kind = kind, Course = course, OnsetOn = onset });
            return await db.SaveChangesAsync();
        });

    public static Task UpdateCaseAsync(AppFactory app, Guid caseId, Action<MvdCase> change) =>
        app.WithDbAsync(async db =>
        {
            var c = await db.MvdCases.FindAsync(caseId) ?? throw new InvalidOperationException("No such case.");
            change(c);
            return await db.SaveChangesAsync();
        });

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static DateTime Local(string iso) => DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
