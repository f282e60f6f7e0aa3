using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

public sealed class ScheduleResourceConfiguration : IEntityTypeConfiguration<ScheduleResource>
{
    public void Configure(EntityTypeBuilder<ScheduleResource> builder)
    {
        builder.HasIndex(r => new { r.Kind, r.SiteId });
        builder.HasIndex(r => r.UserId).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

public sealed class WeeklyAvailabilityConfiguration : IEntityTypeConfiguration<WeeklyAvailability>
{
    public void Configure(EntityTypeBuilder<WeeklyAvailability> builder)
    {
        builder.HasIndex(a => new { a.ResourceId, a.Day });
        builder.HasIndex(a => a.SiteId);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class AvailabilityExceptionConfiguration : IEntityTypeConfiguration<AvailabilityException>
{
    public void Configure(EntityTypeBuilder<AvailabilityException> builder)
    {
        builder.HasIndex(a => new { a.ResourceId, a.Date });
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.HasIndex(h => new { h.Date, h.SiteId });
        builder.HasOne<Site>().WithMany().HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(h => h.Version).IsConcurrencyToken();
    }
}

public sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> builder)
    {
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.HasIndex(a => new { a.SiteId, a.StartUtc });
        builder.HasIndex(a => new { a.PractitionerId, a.StartUtc });
        builder.HasIndex(a => new { a.RoomId, a.StartUtc });
        builder.HasIndex(a => new { a.TheatreId, a.StartUtc });
        builder.HasIndex(a => new { a.AnaesthetistId, a.StartUtc });
        builder.HasIndex(a => new { a.PatientId, a.StartUtc });
        builder.HasIndex(a => a.MvdCaseId);
        builder.HasIndex(a => a.SourceKey);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(a => a.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.TheatreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(a => a.AnaesthetistId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.ResourceId);
        builder.HasOne<ScheduleResource>().WithMany().HasForeignKey(t => t.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
