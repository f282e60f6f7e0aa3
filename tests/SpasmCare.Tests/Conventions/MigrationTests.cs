using Microsoft.EntityFrameworkCore;
using SpasmCare.Web.Data;

namespace SpasmCare.Tests.Conventions;

/// <summary>Every model change comes with a migration for both providers.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void MigrationSets_HaveTheSameNames()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.Equal(
            sqlite.Database.GetMigrations().Select(m => m[15..]),
            postgres.Database.GetMigrations().Select(m => m[15..]));
    }
}
