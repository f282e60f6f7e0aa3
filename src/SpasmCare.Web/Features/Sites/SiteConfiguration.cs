using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpasmCare.Web.Features.Sites;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
