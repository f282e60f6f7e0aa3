using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>The patient did not come: mark a booked appointment whose time has come as a no-show (it goes on the recall list).</summary>
public static class MarkNoShow
{
    public sealed class Handler(SpasmCareDbContext db, AppointmentReminders reminders, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Appointment?> HandleAsync(Guid id, Guid version, CancellationToken ct)
        {
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            const AuditAction action = AuditAction.AppointmentNoShow;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, version, action, ct);
            if (appointment.Status != AppointmentStatus.Booked)
            {
                throw AppointmentRules.NotNow("Only a booked appointment can be marked as not attended (this one is " + AppointmentRules.Label(appointment.Status).ToLowerInvariant() + ").");
            }

            var now = Clock.UtcNow(time);
            if (now < appointment.StartUtc)
            {
                throw AppointmentRules.NotNow("The appointment has not started yet: mark a no-show once its time has come.");
            }

            appointment.Status = AppointmentStatus.NoShow;
            appointment.NoShowAtUtc = now;
            await reminders.CancelPendingAsync(db, appointment.Id, ct);
            audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
            await AppointmentRules.SaveAsync(db, audit, logger, appointment, action, ct);
            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "no-show");
            return appointment;
        }
    }
}
