using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// Move a booked appointment to another free slot (another time, practitioner or site; the type stays). Its pending
/// reminders are cancelled and new ones scheduled in the same save; the count of moves goes up.
/// </summary>
public static class RescheduleAppointment
{
    public sealed class Request
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Choose the site.")]
        [Display(Name = "Site")]
        public Guid? SiteId { get; set; }

        [Required(ErrorMessage = "Choose the practitioner.")]
        [Display(Name = "Practitioner")]
        public Guid? PractitionerId { get; set; }

        [Required(ErrorMessage = "Enter the date.")]
        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the time.")]
        [Display(Name = "Time")]
        public TimeOnly? Time { get; set; }
    }

    public sealed class Handler(
        SpasmCareDbContext db, FreeSlots.Handler slots, AppointmentReminders reminders, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The moved appointment, or null when there is no such appointment.</returns>
        public async Task<Appointment?> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            const AuditAction action = AuditAction.AppointmentRescheduled;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, request.Version, action, ct);
            if (appointment.Status != AppointmentStatus.Booked)
            {
                throw AppointmentRules.NotNow("Only a booked appointment can be moved (this one is " + AppointmentRules.Label(appointment.Status).ToLowerInvariant() + ").");
            }

            var typeCode = await db.AppointmentTypes.Where(t => t.Id == appointment.TypeId).Select(t => t.Code).FirstAsync(ct);
            var (site, type, problem, field) = await slots.SiteAndTypeAsync(request.SiteId!.Value, typeCode, ct);
            if (problem is not null)
            {
                throw new RuleException("appointment.where", problem, field, StatusCodes.Status422UnprocessableEntity);
            }

            var practitioner = await AppointmentRules.PractitionerAsync(db, request.PractitionerId, ct);
            var start = AppointmentRules.StartUtc(site!, request.Date!.Value, request.Time!.Value, time);
            if (start == appointment.StartUtc && practitioner.Id == appointment.PractitionerId && site!.Id == appointment.SiteId)
            {
                throw new RuleException("appointment.same-slot", "That is the time it is booked for already: choose another slot.",
                    AppointmentRules.TimeField, StatusCodes.Status422UnprocessableEntity);
            }

            var lostRace = false;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var reserved = await AppointmentRules.ReserveAsync(db, slots, logger, site!, type!, practitioner, start, appointment.Id, ct);
                appointment.SiteId = site!.Id;
                appointment.PractitionerId = practitioner.Id;
                appointment.RoomId = reserved.Room?.Id;
                appointment.TheatreId = reserved.Theatre?.Id;
                appointment.AnaesthetistId = reserved.Anaesthetist?.Id;
                appointment.StartUtc = start;
                appointment.EndUtc = start.AddMinutes(type!.DefaultMinutes);
                appointment.RescheduleCount++;
                await reminders.CancelPendingAsync(db, appointment.Id, ct);
                await reminders.ScheduleAsync(db, appointment, ct);
                audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    await transaction.RollbackAsync(ct);
                    lostRace = true;
                }
            }

            if (lostRace)
            {
                // Outside the rolled-back transaction, so the failed attempt's audit row is kept.
                await AppointmentRules.StaleAsync(db, audit, logger, appointment.Id, appointment.PatientId, action, ct);
            }

            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "rescheduled");
            return appointment;
        }
    }
}
