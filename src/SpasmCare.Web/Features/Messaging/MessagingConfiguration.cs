using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.HasIndex(t => new { t.Key, t.Channel, t.Language }).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

public sealed class ContactPreferenceConfiguration : IEntityTypeConfiguration<ContactPreference>
{
    public void Configure(EntityTypeBuilder<ContactPreference> builder)
    {
        builder.HasIndex(p => new { p.PatientId, p.Channel }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
