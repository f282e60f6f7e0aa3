using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Assessments;

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.HasIndex(v => new { v.PatientId, v.StartedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(v => v.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Version).IsConcurrencyToken();
    }
}

public sealed class ExaminationConfiguration : IEntityTypeConfiguration<Examination>
{
    public void Configure(EntityTypeBuilder<Examination> builder)
    {
        builder.HasIndex(e => new { e.PatientId, e.ExaminedAtUtc });
        builder.HasIndex(e => e.VisitId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.SupersededBy).IsConcurrencyToken();
    }
}

public sealed class ScaleScoreConfiguration : IEntityTypeConfiguration<ScaleScore>
{
    public void Configure(EntityTypeBuilder<ScaleScore> builder)
    {
        builder.HasIndex(s => new { s.PatientId, s.InstrumentCode, s.AssessedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Visit>().WithMany().HasForeignKey(s => s.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Total).HasPrecision(9, 3);
        builder.Property(s => s.SupersededBy).IsConcurrencyToken();
    }
}

public sealed class InstrumentRecordConfiguration : IEntityTypeConfiguration<InstrumentRecord>
{
    public void Configure(EntityTypeBuilder<InstrumentRecord> builder)
    {
        builder.ToTable("Instruments");
        builder.HasIndex(i => new { i.Code, i.Version }).IsUnique();
    }
}
