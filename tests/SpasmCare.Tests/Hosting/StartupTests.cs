using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;
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
    public async Task FirstStart_CreatesOneAccountPerRoleThatMustChangeItsPassword()
    {
        var roles = await app.WithDbAsync(db => db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync());
        var users = await app.WithDbAsync(db => db.Users.AsNoTracking().ToListAsync());

        Assert.Equal(Roles.All.Order(), roles.Order());
        Assert.All(users, u => Assert.True(u.MustChangePassword));
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
