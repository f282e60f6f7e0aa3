using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>The patient has arrived: check in a booked appointment, on its day at the site.</summary>
public static class CheckInAppointment
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Appointment?> HandleAsync(Guid id, Guid version, CancellationToken ct)
        {
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            const AuditAction action = AuditAction.AppointmentCheckedIn;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, version, action, ct);
            if (appointment.Status != AppointmentStatus.Booked)
            {
                throw AppointmentRules.NotNow("Only a booked appointment can be checked in (this one is " + AppointmentRules.Label(appointment.Status).ToLowerInvariant() + ").");
            }

            var zone = await db.Sites.Where(s => s.Id == appointment.SiteId).Select(s => s.TimeZoneId).FirstAsync(ct);
            var now = Clock.UtcNow(time);
            if (DateOnly.FromDateTime(VisitTime.Local(now, zone)) != DateOnly.FromDateTime(VisitTime.Local(appointment.StartUtc, zone)))
            {
                throw AppointmentRules.NotNow("A patient is checked in on the day of the appointment.");
            }

            appointment.Status = AppointmentStatus.CheckedIn;
            appointment.CheckedInAtUtc = now;
            audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
            await AppointmentRules.SaveAsync(db, audit, logger, appointment, action, ct);
            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "checked in");
            return appointment;
        }
    }
}
