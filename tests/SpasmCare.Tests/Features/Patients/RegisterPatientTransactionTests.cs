using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Features.Patients;

/// <summary>
/// Work that must commit with a registration (linking the inquiry a patient came from) runs in its transaction:
/// when that work fails, no patient, revision or registration audit row is left behind.
/// </summary>
public abstract class RegisterPatientTransactionTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task Register_WorkInTheSameTransactionFails_LeavesNoPatient()
    {
        var input = TestData.Patient();
        var registered = Guid.Empty;

        await Assert.ThrowsAsync<RuleException>(() => app.WithScopeAsync<Patient>(sp =>
            sp.GetRequiredService<RegisterPatient.Handler>().HandleAsync(new RegisterPatient.Request { Patient = input }, patient =>
            {
                registered = patient.Id;
                throw new RuleException("test.fails", "The linked work failed.");
            }, CancellationToken.None)));

        Assert.NotEqual(Guid.Empty, registered);
        Assert.False(await app.WithDbAsync(db => db.Patients.AnyAsync(p => p.Id == registered)));
        Assert.False(await app.WithDbAsync(db => db.PatientRevisions.AnyAsync(r => r.PatientId == registered)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == registered)));
    }

    [Fact]
    public async Task Register_WorkInTheSameTransactionSucceeds_CommitsBoth()
    {
        var input = TestData.Patient();
        var sawSavedPatient = false;

        var patient = await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<SpasmCare.Web.Data.SpasmCareDbContext>();
            return sp.GetRequiredService<RegisterPatient.Handler>().HandleAsync(new RegisterPatient.Request { Patient = input }, async p =>
                sawSavedPatient = await db.Patients.AnyAsync(x => x.Id == p.Id), CancellationToken.None);
        });

        Assert.True(sawSavedPatient);
        Assert.True(await app.WithDbAsync(db => db.Patients.AnyAsync(p => p.Id == patient.Id)));
    }
}

public sealed class RegisterPatientTransactionTestsOnSqlite(SqliteAppFactory app) : RegisterPatientTransactionTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class RegisterPatientTransactionTestsOnPostgres(PostgresAppFactory app) : RegisterPatientTransactionTests<PostgresAppFactory>(app);
