using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Cancel a booked (or checked-in) appointment with a reason; its slot is free again and its pending reminders are cancelled.</summary>
public static class CancelAppointment
{
    public sealed class Request
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Give the reason for cancelling.")]
        [StringLength(Appointment.ReasonMax, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason for cancelling")]
        public string? Reason { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AppointmentReminders reminders, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Appointment?> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            const AuditAction action = AuditAction.AppointmentCancelled;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, request.Version, action, ct);
            if (!appointment.HoldsResources)
            {
                throw AppointmentRules.NotNow("This appointment is " + AppointmentRules.Label(appointment.Status).ToLowerInvariant() + ": it can no longer be cancelled.");
            }

            var reason = AppointmentRules.Clean(request.Reason)
                ?? throw new RuleException("appointment.reason", "Give the reason for cancelling.", nameof(Request.Reason), StatusCodes.Status422UnprocessableEntity);
            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancelReason = reason;
            appointment.CancelledAtUtc = Clock.UtcNow(time);
            await reminders.CancelPendingAsync(db, appointment.Id, ct);
            audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
            await AppointmentRules.SaveAsync(db, audit, logger, appointment, action, ct);
            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "cancelled");
            return appointment;
        }
    }
}
