using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Inquiries;

public sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Reference).HasMaxLength(Inquiry.ReferenceMax);
        builder.HasIndex(i => i.Reference).IsUnique();
        builder.HasIndex(i => i.IdempotencyKey).IsUnique();
        builder.Property(i => i.PayloadHash).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(Inquiry.NameMax);
        builder.Property(i => i.Email).HasMaxLength(Inquiry.EmailMax);
        builder.Property(i => i.Mobile).HasMaxLength(10);
        builder.Property(i => i.Message).HasMaxLength(Inquiry.MessageMax);
        builder.Property(i => i.ConsentNoticeVersion).HasMaxLength(20);
        builder.Property(i => i.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StartedAt).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CheekOrMouth).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Duration).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.EarlierToxin).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.EarlierMri).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FacialWeakness).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.HearingLoss).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.EarlierFacialPalsy).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.PreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.CloseReason).HasMaxLength(Inquiry.CloseReasonMax);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.Status, i.ReceivedAtUtc });
        builder.HasIndex(i => i.ReceivedAtUtc);
        builder.HasIndex(i => new { i.PatientId, i.UpdatedAtUtc });
        builder.HasOne<Site>().WithMany().HasForeignKey(i => i.PreferredSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.AssignedToUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Notes).WithOne().HasForeignKey(n => n.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class InquiryNoteConfiguration : IEntityTypeConfiguration<InquiryNote>
{
    public void Configure(EntityTypeBuilder<InquiryNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.InquiryId, n.CreatedAtUtc });
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Text).HasMaxLength(InquiryNote.TextMax);
        builder.Property(n => n.AuthorName).HasMaxLength(256);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMax);
        builder.Property(m => m.ToAddress).HasMaxLength(OutboxMessage.AddressMax);
        builder.Property(m => m.ToName).HasMaxLength(OutboxMessage.NameMax);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMax);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMax);
        builder.Property(m => m.ClaimToken).IsConcurrencyToken();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.InquiryId);
        builder.HasIndex(m => m.AppointmentId);
        builder.HasIndex(m => new { m.PatientId, m.CreatedAtUtc });
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(m => m.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patients.Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Scheduling.Appointment>().WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
