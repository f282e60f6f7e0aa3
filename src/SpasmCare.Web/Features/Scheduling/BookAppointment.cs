using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Recall;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// Book a patient into a free slot: a type at a site with a practitioner, at a local date and time there. The room
/// (theatre, anaesthetist) is chosen automatically; reminders are scheduled in the same save; a booking from a recall
/// list records the "booked" outcome on the item.
/// </summary>
public static class BookAppointment
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Choose the patient.")]
        [Display(Name = "Patient")]
        public Guid? PatientId { get; set; }

        [Required(ErrorMessage = "Choose the type of appointment.")]
        [StringLength(AppointmentType.CodeMax)]
        [Display(Name = "Type of appointment")]
        public string? TypeCode { get; set; }

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

        [StringLength(Appointment.NoteMax, ErrorMessage = "The note can be at most {1} characters.")]
        [Display(Name = "Note for the day list")]
        public string? Note { get; set; }

        public AppointmentSource Source { get; set; } = AppointmentSource.Desk;
        public Guid? SourceId { get; set; }

        [StringLength(Appointment.SourceKeyMax)]
        public string? SourceKey { get; set; }
    }

    public sealed class Handler(
        SpasmCareDbContext db, FreeSlots.Handler slots, AppointmentReminders reminders, RecallList.Items recall, AuditLog audit,
        ICurrentUser user, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<Appointment> HandleAsync(Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == request.PatientId)
                .Select(p => new { p.Id, p.IsActive }).FirstOrDefaultAsync(ct);
            if (patient is null || !patient.IsActive)
            {
                throw new RuleException("appointment.patient", patient is null ? "Choose the patient." : "This patient's record is inactive: reactivate it before booking.",
                    nameof(Request.PatientId), StatusCodes.Status422UnprocessableEntity);
            }

            var (site, type, problem, field) = await slots.SiteAndTypeAsync(request.SiteId!.Value, request.TypeCode, ct);
            if (problem is not null)
            {
                throw new RuleException("appointment.where", problem, field, StatusCodes.Status422UnprocessableEntity);
            }

            var practitioner = await AppointmentRules.PractitionerAsync(db, request.PractitionerId, ct);
            if (!(await slots.PractitionersAsync(site!, type!, practitioner.Id, ct)).Any())
            {
                throw new RuleException("appointment.practitioner", practitioner.Name + " does not take " + type!.Name.ToLowerInvariant() + " appointments at " + site!.Name + ".",
                    nameof(Request.PractitionerId), StatusCodes.Status422UnprocessableEntity);
            }

            var start = AppointmentRules.StartUtc(site!, request.Date!.Value, request.Time!.Value, time);
            var recallItem = request.Source == AppointmentSource.Recall && !string.IsNullOrWhiteSpace(request.SourceKey)
                ? (await recall.ForPatientAsync(patient.Id, ct)).FirstOrDefault(i => string.Equals(i.ItemKey, request.SourceKey, StringComparison.Ordinal))
                : null;

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var reserved = await AppointmentRules.ReserveAsync(db, slots, logger, site!, type!, practitioner, start, null, ct);
            var appointment = new Appointment
            {
                PatientId = patient.Id,
                TypeId = type!.Id,
                SiteId = site!.Id,
                PractitionerId = practitioner.Id,
                RoomId = reserved.Room?.Id,
                TheatreId = reserved.Theatre?.Id,
                AnaesthetistId = reserved.Anaesthetist?.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(type.DefaultMinutes),
                Status = AppointmentStatus.Booked,
                Note = AppointmentRules.Clean(request.Note),
                Source = request.Source,
                SourceId = request.SourceId,
                SourceKey = AppointmentRules.Clean(request.SourceKey),
            };
            db.Appointments.Add(appointment);
            await reminders.ScheduleAsync(db, appointment, ct);
            if (recallItem is not null)
            {
                db.RecallActions.Add(new RecallAction
                {
                    PatientId = patient.Id,
                    Reason = recallItem.Reason,
                    ItemKey = recallItem.ItemKey,
                    Outcome = RecallOutcome.Booked,
                    AppointmentId = appointment.Id,
                    RecordedAtUtc = Clock.UtcNow(time),
                    RecordedBy = user.UserId,
                    RecordedByName = user.Name.Length > 100 ? user.Name[..100] : user.Name,
                });
            }

            audit.Record(AuditAction.AppointmentBooked, AppointmentRules.Subject, appointment.Id.ToString(), patient.Id,
                detail: request.Source.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.AppointmentChanged(appointment.Id, patient.Id, "booked");
            return appointment;
        }
    }
}
