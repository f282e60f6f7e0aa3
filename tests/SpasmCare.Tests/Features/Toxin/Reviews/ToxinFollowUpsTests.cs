using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Reviews;

/// <summary>Contract C: the toxin tasks of a session are closed by its review and cancelled with it.</summary>
public abstract class ToxinFollowUpsTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private static readonly DateOnly Session = new(2026, 11, 1);
    private static readonly DateTime Now = new(2026, 11, 24, 5, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, null, FollowUpKind.ToxinOnsetCheck)]
    [InlineData(5, null, FollowUpKind.ToxinOnsetCheck)]
    [InlineData(6, null, FollowUpKind.ToxinPeakReview)]
    [InlineData(30, null, FollowUpKind.ToxinPeakReview)]
    [InlineData(3, FollowUpKind.ToxinPeakReview, FollowUpKind.ToxinPeakReview)]
    [InlineData(20, FollowUpKind.ToxinOnsetCheck, FollowUpKind.ToxinOnsetCheck)]
    [InlineData(20, FollowUpKind.MvdFollowUp, FollowUpKind.ToxinPeakReview)]
    public void KindFor_DayAfterTheSessionOrTheChoice_GivesTheTaskTheReviewAnswers(int day, FollowUpKind? chosen, FollowUpKind expected) =>
        Assert.Equal(expected, ToxinFollowUps.KindFor(Session, Session.AddDays(day), chosen));

    [Fact]
    public async Task CancelFor_CancelsOnlyTheOpenTasksOfThatSessionWithTheReason()
    {
        var (sessionId, otherSession) = await TwoSessionsAsync();
        await WithDbAsync(async db =>
        {
            var onset = await db.FollowUpTasks.SingleAsync(t => t.SourceId == sessionId && t.Kind == FollowUpKind.ToxinOnsetCheck);
            onset.Status = FollowUpStatus.Done;
            await db.SaveChangesAsync();
        });

        var cancelled = await WithDbAsync(async db =>
        {
            var tasks = await ToxinFollowUps.CancelFor(db, sessionId, Now, null, "Session entered in error: wrong patient");
            await db.SaveChangesAsync();
            return tasks;
        });

        var peak = Assert.Single(cancelled);
        Assert.Equal(FollowUpKind.ToxinPeakReview, peak.Kind);
        var all = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == sessionId || t.SourceId == otherSession).ToListAsync());
        Assert.Equal(FollowUpStatus.Done, all.Single(t => t.SourceId == sessionId && t.Kind == FollowUpKind.ToxinOnsetCheck).Status);
        var saved = all.Single(t => t.SourceId == sessionId && t.Kind == FollowUpKind.ToxinPeakReview);
        Assert.Equal(FollowUpStatus.Cancelled, saved.Status);
        Assert.Equal("Cancelled: Session entered in error: wrong patient", saved.Note);
        Assert.Equal(Now, saved.ClosedAtUtc);
        Assert.All(all.Where(t => t.SourceId == otherSession), t => Assert.Equal(FollowUpStatus.Open, t.Status));
    }

    [Fact]
    public async Task CloseForReview_PeakReview_ClosesThePeakAndTheOverdueOnsetCheck()
    {
        var (sessionId, _) = await TwoSessionsAsync();
        var reviewId = Guid.NewGuid();

        var closed = await WithDbAsync(async db =>
        {
            var tasks = await ToxinFollowUps.CloseForReviewAsync(db, sessionId, FollowUpKind.ToxinPeakReview, reviewId, Now, null);
            await db.SaveChangesAsync();
            return tasks;
        });

        Assert.Equal(2, closed.Count);
        var saved = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == sessionId).ToListAsync());
        Assert.All(saved, t => Assert.Equal(FollowUpStatus.Done, t.Status));
        Assert.All(saved, t => Assert.Equal(reviewId, t.ResultId));
    }

    [Fact]
    public async Task CloseFor_NoOpenTaskOfThatKind_ReturnsNullAndChangesNothing()
    {
        var (sessionId, _) = await TwoSessionsAsync();
        await WithDbAsync(async db =>
        {
            await ToxinFollowUps.CancelFor(db, sessionId, Now, null, "test");
            await db.SaveChangesAsync();
        });

        var closed = await WithDbAsync(db => ToxinFollowUps.CloseFor(db, sessionId, FollowUpKind.ToxinOnsetCheck, Guid.NewGuid(), Now, null));

        Assert.Null(closed);
    }

    private async Task<(Guid Session, Guid Other)> TwoSessionsAsync()
    {
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var productId = await app.AddToxinProductAsync();
        return (await app.AddToxinSessionAsync(patientId, siteId, productId, Session),
            await app.AddToxinSessionAsync(patientId, siteId, productId, Session.AddDays(-100)));
    }

    private async Task<T> WithDbAsync<T>(Func<SpasmCareDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>());
    }

    private Task WithDbAsync(Func<SpasmCareDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return 0;
    });
}

public sealed class ToxinFollowUpsTestsOnSqlite(SqliteAppFactory app) : ToxinFollowUpsTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ToxinFollowUpsTestsOnPostgres(PostgresAppFactory app) : ToxinFollowUpsTests<PostgresAppFactory>(app);
