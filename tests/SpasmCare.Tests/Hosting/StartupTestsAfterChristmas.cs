using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Tests.Hosting;

/// <summary>
/// The demo first started on a Saturday morning after Christmas: its calendar then has past theatre days (operated
/// cases), a holiday on a working day (Christmas, a Friday, the Pune hospital's theatre day) and patients checking
/// in now. All the startup checks hold on that day too.
/// </summary>
public sealed class DemoAfterChristmasSqliteAppFactory : AppFactory
{
    public DemoAfterChristmasSqliteAppFactory()
        : base(DatabaseProvider.Sqlite) => Time.SetUtcNow(new DateTimeOffset(2026, 12, 26, 5, 0, 0, TimeSpan.Zero));

    protected override bool SeedDemo => true;
}

public sealed class StartupTestsAfterChristmasOnSqlite(DemoAfterChristmasSqliteAppFactory app) : StartupTests<DemoAfterChristmasSqliteAppFactory>(app)
{
    [Fact]
    public async Task FirstStart_AfterChristmas_PastTheatreDaysHaveOperatedCasesAndChristmasHasNoAppointments()
    {
        var (cases, appointments, operations) = await App.WithDbAsync(async db => (
            await db.MvdCases.AsNoTracking().ToListAsync(),
            await db.Appointments.AsNoTracking().ToListAsync(),
            await db.MvdOperations.AsNoTracking().ToListAsync()));
        var now = App.Time.GetUtcNow().UtcDateTime;
        DateOnly Local(DateTime utc) => DateOnly.FromDateTime(VisitTime.Local(utc, "Asia/Kolkata"));

        // Wednesday's list at Powai is done: its cases are operated, with their operations; the coming lists are booked.
        var done = appointments.Where(a => a.MvdCaseId is not null && a.Status == AppointmentStatus.Completed).ToList();
        Assert.Contains(done, a => Local(a.StartUtc) == new DateOnly(2026, 12, 23));
        Assert.All(done, a => Assert.Single(operations, o => o.CaseId == a.MvdCaseId && o.StartedAtUtc == a.StartUtc));
        Assert.Contains(cases, c => c.Status == MvdCaseStatus.Booked && c.ScheduledStartUtc > now);

        // Closed on Christmas at every site; open on Christmas Eve and this Saturday morning, with patients arriving.
        Assert.DoesNotContain(appointments, a => Local(a.StartUtc) == new DateOnly(2026, 12, 25));
        Assert.Contains(appointments, a => Local(a.StartUtc) == new DateOnly(2026, 12, 24));
        Assert.Contains(appointments, a => a.Status == AppointmentStatus.CheckedIn && Local(a.StartUtc) == new DateOnly(2026, 12, 26));
    }
}
