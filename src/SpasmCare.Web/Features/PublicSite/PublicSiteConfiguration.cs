using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.PublicSite;

public sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> builder)
    {
        builder.HasIndex(p => new { p.Slug, p.Language }).IsUnique();
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

public sealed class DoctorProfileConfiguration : IEntityTypeConfiguration<DoctorProfile>
{
    public void Configure(EntityTypeBuilder<DoctorProfile> builder)
    {
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasMany(d => d.Sites).WithOne().HasForeignKey(s => s.DoctorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DoctorProfileSiteConfiguration : IEntityTypeConfiguration<DoctorProfileSite>
{
    public void Configure(EntityTypeBuilder<DoctorProfileSite> builder)
    {
        builder.HasKey(s => new { s.DoctorProfileId, s.SiteId });
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SiteProfileConfiguration : IEntityTypeConfiguration<SiteProfile>
{
    public void Configure(EntityTypeBuilder<SiteProfile> builder)
    {
        builder.HasKey(s => s.SiteId);
        builder.HasOne<Site>().WithOne().HasForeignKey<SiteProfile>(s => s.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
