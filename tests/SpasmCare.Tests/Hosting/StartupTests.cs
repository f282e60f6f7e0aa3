using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Hosting;

/// <summary>First start with demo data: synthetic patients, three sites, one account per role.</summary>
public abstract class StartupTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    protected TFactory App => app;

    [Fact]
    public async Task FirstStart_WithDemo_Seeds300SyntheticPatientsWithMixedDetails()
    {
        var patients = await app.WithDbAsync(db => db.Patients.AsNoTracking().ToListAsync());

        Assert.Equal(300, patients.Count);
        Assert.Equal(300, patients.Select(p => p.Mrn).Distinct().Count());
        Assert.Contains(patients, p => p.Sex == Sex.Female);
        Assert.Contains(patients, p => p.Sex == Sex.Male);
        Assert.Contains(patients, p => p.AbhaNumber is not null);
        Assert.Contains(patients, p => p.AbhaNumber is null);
        Assert.Equal(3, patients.Select(p => p.PreferredLanguage).Distinct().Count());
        Assert.True(patients.Max(p => p.BirthDate).Year - patients.Min(p => p.BirthDate).Year > 30);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsAClinicAndTwoHospitalsWithTheatres()
    {
        var sites = await app.WithDbAsync(db => db.Sites.AsNoTracking().ToListAsync());

        Assert.Single(sites, s => s.Kind == SiteKind.Clinic);
        Assert.Equal(2, sites.Count(s => s.Kind == SiteKind.Hospital && s.HasOperatingTheatre));
        Assert.All(sites, s => Assert.Equal("Asia/Kolkata", s.TimeZoneId));
    }

    [Fact]
    public async Task FirstStart_CreatesAnAccountPerRoleThatMustChangeItsPassword()
    {
        var roles = await app.WithDbAsync(db => db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync());
        var users = await app.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());

        // One account per role, and a second doctor: the neurosurgeon who operates the demo MVD cases.
        Assert.Equal(Roles.All.Order(), roles.Distinct().Order());
        Assert.Equal(Roles.All.Count + 1, users.Count);
        Assert.Equal(2, roles.Count(r => r == Roles.Doctor));
        Assert.All(users, u => Assert.True(u.MustChangePassword));
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsToxinCyclesFromRealVialsWithARecalledLotAndWaningResponders()
    {
        var (sessions, vials, entries, recalls) = await app.WithDbAsync(async db => (
            await db.InjectionSessions.AsNoTracking().ToListAsync(),
            await db.ToxinVials.AsNoTracking().ToListAsync(),
            await db.ToxinVialEntries.AsNoTracking().ToListAsync(),
            await db.ToxinLotRecalls.AsNoTracking().ToListAsync()));

        var cycles = sessions.GroupBy(s => s.PatientId).Select(g => g.Count()).ToList();
        Assert.Equal(60, cycles.Count);
        Assert.Equal(20, cycles.Max());
        Assert.Equal(1, cycles.Min());

        // Every unit is accounted for in the ledger, and no vial gave more than it held.
        Assert.All(vials, v =>
        {
            Assert.True(v.UnitsDrawn + v.UnitsWasted <= v.UnitsPerVial, $"vial {v.Id} overdrawn");
            Assert.Equal(v.UnitsDrawn, entries.Where(e => e.VialId == v.Id && e.Kind == VialEntryKind.Draw).Sum(e => e.Units));
        });
        var recalled = Assert.Single(recalls);
        Assert.Contains(vials, v => v.LotNumber == recalled.LotNumber && v.UnitsDrawn > 0);

        // The real rules find the two waning responders and the one who never responded.
        await using var scope = app.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<ToxinHistory.Query>();
        var flagged = new List<NonResponseAssessment>();
        foreach (var patientId in sessions.Select(s => s.PatientId).Distinct())
        {
            flagged.Add((await history.ForPatientAsync(patientId, TestContext.Current.CancellationToken)).Assessment);
        }

        Assert.True(flagged.Count(a => a.PossibleSecondaryNonResponse) >= 2, "expected at least two possible secondary non-responders");
        Assert.Contains(flagged, a => a.PrimaryNonResponse);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsMvdCasesWithFollowUpsComplicationsAndARedo()
    {
        var (cases, operations, followUps, tasks) = await app.WithDbAsync(async db => (
            await db.MvdCases.AsNoTracking().ToListAsync(),
            await db.MvdOperations.AsNoTracking().ToListAsync(),
            await db.MvdFollowUps.AsNoTracking().ToListAsync(),
            await db.FollowUpTasks.AsNoTracking().Where(t => t.Kind == FollowUpKind.MvdFollowUp).ToListAsync()));

        Assert.True(cases.Count >= 30, $"expected a few dozen cases, got {cases.Count}");
        Assert.Equal(cases.Count, operations.Count);
        var redo = Assert.Single(cases, c => c.RedoOfCaseId is not null);
        Assert.NotNull(Assert.Single(cases, c => c.Id == redo.RedoOfCaseId).RecurredOn);
        Assert.Contains(followUps, f => f.SpasmStatus == SpasmStatus.Gone);
        Assert.Contains(followUps, f => f.SpasmStatus is SpasmStatus.AboutHalf or SpasmStatus.NinetyPercentBetter);
        Assert.All(followUps, f => Assert.Contains(tasks, t => t.ResultId == f.Id && t.Status == FollowUpStatus.Done));
        Assert.DoesNotContain(cases.GroupBy(c => (c.HospitalSiteId, c.Theatre, c.ScheduledStartUtc)), g => g.Count() > 1);
    }

    [Fact]
    public async Task FirstStart_EveryDemoRegistrationIsAudited()
    {
        var registrations = await app.WithDbAsync(db => db.AuditEvents
            .CountAsync(e => e.Action == SpasmCare.Web.Auditing.AuditAction.PatientRegistered));

        Assert.Equal(300, registrations);
    }

    [Fact]
    public async Task FirstStart_WithDemo_SeedsClinicalHistoriesScoredAndCodedByTheClinicalRules()
    {
        var (visits, exams, scores, imaging, diagnoses) = await app.WithDbAsync(async db => (
            await db.Visits.AsNoTracking().ToListAsync(),
            await db.Examinations.AsNoTracking().ToListAsync(),
            await db.ScaleScores.AsNoTracking().ToListAsync(),
            await db.ImagingStudies.AsNoTracking().ToListAsync(),
            await db.Diagnoses.AsNoTracking().ToListAsync()));

        Assert.Equal(40, diagnoses.Select(d => d.PatientId).Distinct().Count());
        Assert.Equal(40, exams.Count);
        Assert.True(visits.Count >= 80, $"expected several visits per patient, got {visits.Count}");
        Assert.All(exams, e => Assert.Empty(e.ReadFindings().Validate()));
        Assert.Contains(diagnoses, d => d.Icd10Cm is "G51.31" or "G51.32");
        Assert.Contains(scores, s => s.InstrumentCode == "HFS7");
        Assert.All(scores, s => Assert.Equal("Complete", s.Status));
        Assert.NotEmpty(imaging);

        // A patient's JRS improves once treatment starts, so the charts have something to show.
        var jrs = scores.Where(s => s.InstrumentCode == "JRS").GroupBy(s => s.PatientId)
            .Select(g => g.OrderBy(s => s.AssessedAtUtc).Select(s => s.Total!.Value).ToList()).Where(t => t.Count > 1).ToList();
        Assert.NotEmpty(jrs);
        Assert.All(jrs, totals => Assert.True(totals[^1] < totals[0]));

        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.ScaleScoreRecorded));
        Assert.Equal(scores.Count, audited);
    }

    [Fact]
    public async Task FirstStart_WithDemo_PublicDoctorsPageShowsTheDemoDoctorAndClinicHours()
    {
        var html = await app.CreateClient().GetStringAsync("/Clinic/Doctors", TestContext.Current.CancellationToken);

        Assert.Contains("Dr Anjali Mehta", html, StringComparison.Ordinal);
        Assert.Contains("Monday to Saturday, 9:30 to 18:00", html, StringComparison.Ordinal);
        Assert.Contains("<strong>hemifacial spasm</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_Returns200()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePatientsApi()
    {
        var json = await app.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/patients", json, StringComparison.Ordinal);
        Assert.Contains("\"RegisterPatient\"", json, StringComparison.Ordinal);
    }
}

public sealed class DemoSqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override bool SeedDemo => true;
}

public sealed class DemoPostgresAppFactory() : AppFactory(DatabaseProvider.Postgres)
{
    protected override bool SeedDemo => true;
}

public sealed class StartupTestsOnSqlite(DemoSqliteAppFactory app) : StartupTests<DemoSqliteAppFactory>(app)
{
    [Fact]
    public async Task Sqlite_RunsInWalModeWithFullSynchronous()
    {
        var (mode, sync) = await App.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var m = await db.Database.ScalarAsync("PRAGMA journal_mode", CancellationToken.None);
            var s = await db.Database.ScalarAsync("PRAGMA synchronous", CancellationToken.None);
            return (m, s);
        });

        Assert.Equal("wal", mode);
        Assert.Equal("2", sync);
    }
}

[Trait("Category", "Postgres")]
public sealed class StartupTestsOnPostgres(DemoPostgresAppFactory app) : StartupTests<DemoPostgresAppFactory>(app);
