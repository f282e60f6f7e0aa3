using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Surgery;

public sealed class MvdCaseConfiguration : IEntityTypeConfiguration<MvdCase>
{
    public void Configure(EntityTypeBuilder<MvdCase> builder)
    {
        builder.HasIndex(c => new { c.PatientId, c.ReferredAtUtc });
        builder.HasIndex(c => new { c.HospitalSiteId, c.ScheduledStartUtc });
        builder.HasIndex(c => new { c.SurgeonId, c.ScheduledStartUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(c => c.HospitalSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MvdCase>().WithMany().HasForeignKey(c => c.RedoOfCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Hfs7AtReferral).HasPrecision(6, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

public sealed class MvdOperationConfiguration : IEntityTypeConfiguration<MvdOperation>
{
    public void Configure(EntityTypeBuilder<MvdOperation> builder)
    {
        builder.HasIndex(o => o.CaseId).IsUnique();
        builder.HasOne<MvdCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.LsrBaselineAmplitudeUv).HasPrecision(9, 2);
        builder.Property(o => o.LsrBaselineLatencyMs).HasPrecision(7, 2);
        builder.Property(o => o.BaepWaveVLatencyChangeMs).HasPrecision(6, 2);
        builder.Property(o => o.BaepWaveVAmplitudeChangePercent).HasPrecision(6, 1);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

public sealed class LsrReadingConfiguration : IEntityTypeConfiguration<LsrReading>
{
    public void Configure(EntityTypeBuilder<LsrReading> builder)
    {
        builder.HasIndex(r => new { r.OperationId, r.Order });
        builder.HasOne<MvdOperation>().WithMany().HasForeignKey(r => r.OperationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.AmplitudeUv).HasPrecision(9, 2);
        builder.Property(r => r.LatencyMs).HasPrecision(7, 2);
    }
}

public sealed class MvdComplicationConfiguration : IEntityTypeConfiguration<MvdComplication>
{
    public void Configure(EntityTypeBuilder<MvdComplication> builder)
    {
        builder.HasIndex(c => c.CaseId);
        builder.HasOne<MvdCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

public sealed class MvdFollowUpConfiguration : IEntityTypeConfiguration<MvdFollowUp>
{
    public void Configure(EntityTypeBuilder<MvdFollowUp> builder)
    {
        builder.HasIndex(f => new { f.CaseId, f.SeenOn });
        builder.HasOne<MvdCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Hfs7).HasPrecision(6, 2);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
