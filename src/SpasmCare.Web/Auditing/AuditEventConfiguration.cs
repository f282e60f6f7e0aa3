using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpasmCare.Web.Auditing;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => new { e.PatientId, e.Sequence });
        builder.HasIndex(e => new { e.ActorId, e.Sequence });
        builder.HasIndex(e => e.OccurredAtUtc);
        builder.Property(e => e.Action).HasConversion<int>();
        builder.Property(e => e.Outcome).HasConversion<int>();
    }
}
