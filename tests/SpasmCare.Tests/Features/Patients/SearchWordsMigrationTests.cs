using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Patients;

/// <summary>The SearchWords migration fills the new column for patients registered before it, as the app would.</summary>
public abstract class SearchWordsMigrationTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task Migration_FillsEveryTermRowWithItsPatientsWords()
    {
        var client = app.CreateClient(Roles.FrontDesk);
        var given = TestData.UniqueWord("Meera");
        var id = await client.RegisterAsync(TestData.Patient(given: given + " Devi", family: "Kulkarni-Rao"));

        await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var before = all[all.FindIndex(m => m.EndsWith("_SearchWords", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before, TestContext.Current.CancellationToken);
            await migrator.MigrateAsync(all[^1], TestContext.Current.CancellationToken);
            return 0;
        });

        var rows = await app.WithDbAsync(db => db.PatientNameTerms.AsNoTracking().Where(t => t.PatientId == id).ToListAsync());
        var expected = PatientFormats.NameTerms(given + " Devi", "Kulkarni-Rao");
        Assert.Equal(expected.Order(), rows.Select(r => r.Term).Order());
        Assert.All(rows, r =>
        {
            Assert.StartsWith(" ", r.Words, StringComparison.Ordinal);
            Assert.EndsWith(" ", r.Words, StringComparison.Ordinal);
            Assert.Equal(expected.Order(), r.Words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order());
        });

        // And a two-word search, which now checks the second word on these rows, finds the patient.
        var (api, _, _) = await app.CreateApiClientAsync();
        var found = await api.GetStringAsync($"/api/v1/patients?q=kulk%20{given.ToLowerInvariant()}", TestContext.Current.CancellationToken);
        Assert.Contains(id.ToString(), found, StringComparison.Ordinal);
    }
}

public sealed class SearchWordsMigrationTestsOnSqlite(SqliteAppFactory app) : SearchWordsMigrationTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SearchWordsMigrationTestsOnPostgres(PostgresAppFactory app) : SearchWordsMigrationTests<PostgresAppFactory>(app);
