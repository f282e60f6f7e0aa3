using Microsoft.EntityFrameworkCore.Design;

namespace SpasmCare.Web.Data;

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSpasmCareDbContext>
{
    public SqliteSpasmCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSpasmCareDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(SqliteDesignTimeFactory).Assembly.FullName))
            .Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSpasmCareDbContext>
{
    public PostgresSpasmCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSpasmCareDbContext>()
            .UseNpgsql("Host=localhost;Database=spasmcare_design")
            .Options);
}
