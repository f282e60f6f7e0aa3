using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Data;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>
/// Sites, practitioners, patients with their channel choices, and appointments written straight into the database
/// (booking is the scheduling module's); reminders through the real <see cref="AppointmentReminders"/>, as booking
/// calls it.
/// </summary>
public static class MessagingTestData
{
    public static Task<Site> AddClinicAsync(this AppFactory app, string timeZone = Site.DefaultTimeZone) =>
        app.WithDbAsync(async db =>
        {
            var site = new Site
            {
                Name = TestData.UniqueWord("Clinic "), Kind = SiteKind.Clinic, Address = "12 Gokhale Road", City = "Mumbai",
                PinCode = "400028", Phone = "022 2430 1234", TimeZoneId = timeZone,
            };
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site;
        });

    public static Task<Guid> AddPractitionerAsync(this AppFactory app, string name = "Dr Anjali Mehta") =>
        app.WithDbAsync(async db =>
        {
            var resource = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = name, Role = PractitionerRole.Doctor };
            db.ScheduleResources.Add(resource);
            await db.SaveChangesAsync();
            return resource.Id;
        });

    /// <summary>A patient with contact consent as given, and a choice row per channel when not null.</summary>
    public static Task<(Guid Id, string Mobile, string Email)> AddPatientAsync(this AppFactory app, Language language = Language.English,
        bool consent = true, bool? sms = true, bool? email = true, string? mobile = null) =>
        app.WithDbAsync(async db =>
        {
            var input = TestData.Patient(mobile: mobile);
            input.PreferredLanguage = language;
            input.ContactConsent = consent;
            input.Email = TestData.UniqueWord("patient") + "@example.com";
            var now = app.Time.GetUtcNow().UtcDateTime;
            var patient = Patient.Register("TM" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), input, "2026-01", now, null);
            db.Patients.Add(patient);
            foreach (var (channel, choice) in new[] { (MessageChannel.Sms, sms), (MessageChannel.Email, email) })
            {
                if (choice is { } optIn)
                {
                    db.ContactPreferences.Add(new ContactPreference
                    {
                        PatientId = patient.Id, Channel = channel, OptedIn = optIn, Source = ContactPreferenceSource.Staff, ChangedAtUtc = now,
                    });
                }
            }

            await db.SaveChangesAsync();
            return (patient.Id, patient.Mobile, patient.Email!);
        });

    /// <summary>Books (straight into the database) and schedules the reminders in the same save, as booking does.</summary>
    public static Task<Guid> BookAsync(this AppFactory app, Guid patientId, Guid siteId, Guid practitionerId, DateTime startUtc,
        string typeCode = AppointmentTypeSeed.InjectionVisit) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpasmCareDbContext>();
            var type = await db.AppointmentTypes.SingleAsync(t => t.Code == typeCode);
            var appointment = new Appointment
            {
                PatientId = patientId, TypeId = type.Id, SiteId = siteId, PractitionerId = practitionerId,
                StartUtc = startUtc, EndUtc = startUtc.AddMinutes(type.DefaultMinutes), Status = AppointmentStatus.Booked,
            };
            db.Appointments.Add(appointment);
            await sp.GetRequiredService<AppointmentReminders>().ScheduleAsync(db, appointment, CancellationToken.None);
            await db.SaveChangesAsync();
            return appointment.Id;
        });

    /// <summary>Moves an appointment as rescheduling does: cancel the pending reminders, move, schedule again, one save.</summary>
    public static Task<int> RescheduleAsync(this AppFactory app, Guid appointmentId, DateTime startUtc) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpasmCareDbContext>();
            var reminders = sp.GetRequiredService<AppointmentReminders>();
            var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
            await reminders.CancelPendingAsync(db, appointmentId, CancellationToken.None);
            appointment.EndUtc = startUtc + (appointment.EndUtc - appointment.StartUtc);
            appointment.StartUtc = startUtc;
            appointment.RescheduleCount++;
            await reminders.ScheduleAsync(db, appointment, CancellationToken.None);
            return await db.SaveChangesAsync();
        });

    /// <summary>Cancels an appointment; with <paramref name="cancelReminders"/> false, as a caller that forgot to.</summary>
    public static Task<int> CancelAsync(this AppFactory app, Guid appointmentId, bool cancelReminders = true) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SpasmCareDbContext>();
            var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId);
            if (cancelReminders)
            {
                await sp.GetRequiredService<AppointmentReminders>().CancelPendingAsync(db, appointmentId, CancellationToken.None);
            }

            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancelReason = "Patient asked";
            appointment.CancelledAtUtc = app.Time.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });

    public static Task<List<OutboxMessage>> MessagesOfAppointmentAsync(this AppFactory app, Guid appointmentId) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == appointmentId)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Channel).ToListAsync());

    public static Task<List<OutboxMessage>> MessagesOfPatientAsync(this AppFactory app, Guid patientId) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.PatientId == patientId)
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Channel).ToListAsync());

    /// <summary>A local wall-clock time at a site, <paramref name="days"/> after today there, in UTC.</summary>
    public static DateTime LocalToUtc(this AppFactory app, string timeZone, int days, int hour, int minute = 0)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Time.GetUtcNow().UtcDateTime, zone));
        var local = today.AddDays(days).ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
