using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Sessions;

/// <summary>A vial drawn from by someone else while a session is being saved: nothing of the session is saved.</summary>
public abstract class SessionVialRaceTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task Record_VialChangedDuringTheSave_SavesNothingAndSaysSo()
    {
        var setup = await app.AddChartSetupAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var input = new SessionInput
        {
            SiteId = setup.SiteId,
            Date = new DateOnly(2026, 11, 24),
            Time = new TimeOnly(9, 30),
            Indication = SpasmCare.Clinical.Toxin.InjectionIndication.HemifacialSpasm,
            SpasmSide = SpasmCare.Clinical.Examination.AffectedSide.Left,
            ProductId = setup.ProductId,
            Points = [new PointInput { Muscle = "corrugator", Side = SpasmCare.Clinical.Examination.AffectedSide.Left, Units = 2.5m, VialId = setup.VialId }],
        };

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var raced = false;
        db.ChangeTracker.Tracked += (_, e) =>
        {
            if (raced || e.Entry.Entity is not ToxinVial)
            {
                return;
            }

            // Another nurse draws from the same vial just after this request has read it, before its save.
            raced = true;
            using var other = app.Services.CreateScope();
            var otherDb = other.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
            var vial = otherDb.ToxinVials.Single(v => v.Id == setup.VialId);
            VialLedger.Draw(otherDb, vial, 1m, Guid.NewGuid(), patientId, app.Time.GetUtcNow().UtcDateTime, null);
            otherDb.SaveChanges();
        };
        var handler = scope.ServiceProvider.GetRequiredService<RecordSession.Handler>();

        var outcome = await handler.HandleAsync(patientId, input, CancellationToken.None);

        Assert.True(outcome.VialChanged);
        Assert.Null(outcome.Session);
        Assert.False(await app.WithDbAsync(db => db.InjectionSessions.AnyAsync(s => s.PatientId == patientId)));
        Assert.False(await app.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.PatientId == patientId)));
        Assert.Equal(1m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
        var failed = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.InjectionSessionRecorded));
        Assert.Equal((AuditOutcome.Failed, 409), (failed.Outcome, failed.StatusCode));
    }
}

public sealed class SessionVialRaceTestsOnSqlite(SqliteAppFactory app) : SessionVialRaceTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SessionVialRaceTestsOnPostgres(PostgresAppFactory app) : SessionVialRaceTests<PostgresAppFactory>(app);
