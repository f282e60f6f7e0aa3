using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Scheduling;

/// <summary>
/// Schedule set-up straight into the database (the admin pages have their own tests), and appointments written
/// directly, since booking is built beside these views.
/// </summary>
public static class ScheduleTestData
{
    public static Task<Guid> AddSiteAsync(this AppFactory app, string timeZone = Site.DefaultTimeZone, bool active = true,
        SiteKind kind = SiteKind.Clinic, bool theatre = false) =>
        app.AddHospitalAsync(timeZone, theatre, active, kind);

    public static Task<Guid> AddPractitionerAsync(this AppFactory app, string? name = null, Guid? userId = null,
        PractitionerRole role = PractitionerRole.Doctor) =>
        app.WithDbAsync(async db =>
        {
            var resource = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = name ?? TestData.UniqueWord("Dr "), UserId = userId, Role = role };
            db.ScheduleResources.Add(resource);
            await db.SaveChangesAsync();
            return resource.Id;
        });

    /// <summary>The practitioner resource of the test sign-in of <paramref name="role"/> (its user row made if missing).</summary>
    public static Task<Guid> PractitionerOfTestUserAsync(this AppFactory app, string role) =>
        app.WithDbAsync(async db =>
        {
            var userId = TestAuthHandler.UserIdOf(role);
            if (!await db.Users.AnyAsync(u => u.Id == userId))
            {
                db.Users.Add(new AppUser
                {
                    Id = userId, UserName = "test." + role.ToLowerInvariant(), NormalizedUserName = "TEST." + role.ToUpperInvariant(),
                    DisplayName = "Test " + role, SecurityStamp = Guid.NewGuid().ToString(),
                });
                await db.SaveChangesAsync();
            }

            var existing = await db.ScheduleResources.Where(r => r.UserId == userId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
            if (existing is { } id)
            {
                return id;
            }

            var resource = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = "Test " + role, UserId = userId, Role = PractitionerRole.Doctor };
            db.ScheduleResources.Add(resource);
            await db.SaveChangesAsync();
            return resource.Id;
        });

    public static Task<Guid> AddSessionAsync(this AppFactory app, Guid practitionerId, Guid siteId, DayOfWeek day, TimeOnly start, TimeOnly end,
        DateOnly? validFrom = null) =>
        app.WithDbAsync(async db =>
        {
            var session = new WeeklyAvailability
            {
                ResourceId = practitionerId, SiteId = siteId, Day = day, StartTime = start, EndTime = end, ValidFrom = validFrom ?? new DateOnly(2026, 1, 1),
            };
            db.WeeklyAvailabilities.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    /// <summary>A patient registered through the front desk's page; returns the id, full name and MRN.</summary>
    public static async Task<(Guid Id, string GivenName, string FamilyName, string Mrn)> AddPatientAsync(this AppFactory app)
    {
        var input = TestData.Patient();
        var id = await app.CreateClient(Roles.FrontDesk).RegisterAsync(input);
        var mrn = await app.WithDbAsync(db => db.Patients.Where(p => p.Id == id).Select(p => p.Mrn).SingleAsync());
        return (id, input.GivenName, input.FamilyName!, mrn);
    }

    public static Task<Guid> AddAppointmentAsync(this AppFactory app, Guid patientId, Guid siteId, Guid practitionerId, DateTime startUtc,
        string typeCode = AppointmentTypeSeed.InjectionVisit, AppointmentStatus status = AppointmentStatus.Booked, int rescheduled = 0,
        Guid? anaesthetistId = null) =>
        app.WithDbAsync(async db =>
        {
            var type = await db.AppointmentTypes.SingleAsync(t => t.Code == typeCode);
            var appointment = new Appointment
            {
                PatientId = patientId, TypeId = type.Id, SiteId = siteId, PractitionerId = practitionerId, AnaesthetistId = anaesthetistId,
                StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), EndUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc).AddMinutes(type.DefaultMinutes),
                Status = status, RescheduleCount = rescheduled,
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        });

    public static string Iso(DateOnly date) => SurgeryTestData.Iso(date);
}
