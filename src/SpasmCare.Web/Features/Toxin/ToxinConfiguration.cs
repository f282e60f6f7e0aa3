using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Toxin;

public sealed class ToxinProductConfiguration : IEntityTypeConfiguration<ToxinProduct>
{
    public void Configure(EntityTypeBuilder<ToxinProduct> builder)
    {
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.ReferenceRatioLow).HasPrecision(6, 2);
        builder.Property(p => p.ReferenceRatioHigh).HasPrecision(6, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class ToxinVialConfiguration : IEntityTypeConfiguration<ToxinVial>
{
    public void Configure(EntityTypeBuilder<ToxinVial> builder)
    {
        builder.HasIndex(v => new { v.SiteId, v.Status, v.ExpiryDate });
        builder.HasIndex(v => new { v.ProductId, v.LotNumber });
        builder.HasOne<ToxinProduct>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.UnitsPerVial).HasPrecision(8, 2);
        builder.Property(v => v.SalineMl).HasPrecision(6, 2);
        builder.Property(v => v.UnitsDrawn).HasPrecision(8, 2);
        builder.Property(v => v.UnitsWasted).HasPrecision(8, 2);
        builder.Ignore(v => v.UnitsLeft);
        builder.Property(v => v.Version).IsConcurrencyToken();
    }
}

public sealed class ToxinVialEntryConfiguration : IEntityTypeConfiguration<ToxinVialEntry>
{
    public void Configure(EntityTypeBuilder<ToxinVialEntry> builder)
    {
        builder.HasIndex(e => e.VialId);
        builder.HasIndex(e => e.SessionId);
        builder.HasOne<ToxinVial>().WithMany().HasForeignKey(e => e.VialId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Units).HasPrecision(8, 2);
    }
}

public sealed class ToxinLotRecallConfiguration : IEntityTypeConfiguration<ToxinLotRecall>
{
    public void Configure(EntityTypeBuilder<ToxinLotRecall> builder)
    {
        builder.HasIndex(r => new { r.ProductId, r.LotNumber }).IsUnique();
        builder.HasOne<ToxinProduct>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InjectionSessionConfiguration : IEntityTypeConfiguration<InjectionSession>
{
    public void Configure(EntityTypeBuilder<InjectionSession> builder)
    {
        builder.HasIndex(s => new { s.PatientId, s.InjectedAtUtc });
        builder.HasIndex(s => new { s.SiteId, s.InjectedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ToxinProduct>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.TotalUnits).HasPrecision(8, 2);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class InjectionPointConfiguration : IEntityTypeConfiguration<InjectionPoint>
{
    public void Configure(EntityTypeBuilder<InjectionPoint> builder)
    {
        builder.HasIndex(p => new { p.SessionId, p.Order });
        builder.HasIndex(p => p.VialId);
        builder.HasOne<InjectionSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ToxinVial>().WithMany().HasForeignKey(p => p.VialId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Units).HasPrecision(8, 2);
        builder.Property(p => p.VolumeMl).HasPrecision(6, 3);
    }
}

public sealed class InjectionReviewConfiguration : IEntityTypeConfiguration<InjectionReview>
{
    public void Configure(EntityTypeBuilder<InjectionReview> builder)
    {
        builder.HasIndex(r => new { r.PatientId, r.SessionId });
        builder.HasOne<InjectionSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

public sealed class ToxinAdverseEffectConfiguration : IEntityTypeConfiguration<ToxinAdverseEffect>
{
    public void Configure(EntityTypeBuilder<ToxinAdverseEffect> builder)
    {
        builder.HasIndex(a => new { a.PatientId, a.SessionId });
        builder.HasOne<InjectionSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class ResistanceTestConfiguration : IEntityTypeConfiguration<ResistanceTest>
{
    public void Configure(EntityTypeBuilder<ResistanceTest> builder)
    {
        builder.HasIndex(t => new { t.PatientId, t.PerformedOn });
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Units).HasPrecision(8, 2);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
