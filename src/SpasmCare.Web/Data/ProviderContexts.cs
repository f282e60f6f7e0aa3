using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Data;

/// <summary>The SQLite migration set's context (the embedded default).</summary>
public sealed class SqliteSpasmCareDbContext(DbContextOptions<SqliteSpasmCareDbContext> options)
    : SpasmCareDbContext(options);

/// <summary>The PostgreSQL migration set's context.</summary>
public sealed class PostgresSpasmCareDbContext(DbContextOptions<PostgresSpasmCareDbContext> options)
    : SpasmCareDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte-order comparison so that prefix searches are index range scans.
        builder.Entity<PatientNameTerm>().Property(t => t.Term).UseCollation("C");
    }
}
