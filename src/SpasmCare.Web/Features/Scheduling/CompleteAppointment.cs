namespace SpasmCare.Web.Features.Scheduling;

/// <summary>The patient has been seen: complete a checked-in appointment.</summary>
public static class CompleteAppointment
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

            const AuditAction action = AuditAction.AppointmentCompleted;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, version, action, ct);
            if (appointment.Status != AppointmentStatus.CheckedIn)
            {
                throw AppointmentRules.NotNow("Only a checked-in appointment can be completed (this one is " + AppointmentRules.Label(appointment.Status).ToLowerInvariant() + ").");
            }

            appointment.Status = AppointmentStatus.Completed;
            appointment.CompletedAtUtc = Clock.UtcNow(time);
            audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
            await AppointmentRules.SaveAsync(db, audit, logger, appointment, action, ct);
            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "completed");
            return appointment;
        }
    }
}
