using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.FollowUps;

public sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.HasIndex(t => new { t.Status, t.DueFrom, t.SiteId });
        builder.HasIndex(t => new { t.PatientId, t.Status });
        builder.HasIndex(t => new { t.SourceId, t.Kind });
        builder.HasOne<Patient>().WithMany().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
