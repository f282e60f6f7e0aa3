using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// A doctor or nurse starts the visit (assessment module) of a checked-in appointment: a visit of the type's visit
/// type at the appointment's site, now, with the signed-in clinician, linked to the appointment. Once only.
/// </summary>
public static class StartVisitFromAppointment
{
    public sealed class Handler(SpasmCareDbContext db, VisitClinicians clinicians, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The new visit, or null when there is no such appointment.</returns>
        public async Task<Visit?> HandleAsync(Guid id, Guid version, CancellationToken ct)
        {
            var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            const AuditAction action = AuditAction.AppointmentVisitStarted;
            await AppointmentRules.CheckVersionAsync(db, audit, logger, appointment, version, action, ct);
            if (appointment.VisitId is not null)
            {
                throw AppointmentRules.NotNow("The visit of this appointment is already started.");
            }

            if (appointment.Status != AppointmentStatus.CheckedIn)
            {
                throw AppointmentRules.NotNow("Check the patient in before starting the visit.");
            }

            var visitType = await db.AppointmentTypes.Where(t => t.Id == appointment.TypeId).Select(t => t.VisitType).FirstAsync(ct)
                ?? throw AppointmentRules.NotNow("This type of appointment does not start a visit.");
            if (clinicians.CurrentId() is not { } clinicianId)
            {
                throw AppointmentRules.NotNow("Only a signed-in doctor or nurse can start the visit.");
            }

            var visit = new Visit
            {
                PatientId = appointment.PatientId,
                SiteId = appointment.SiteId,
                ClinicianId = clinicianId,
                ClinicianName = clinicians.CurrentName(),
                StartedAtUtc = Clock.UtcNow(time),
                Type = visitType,
            };
            db.Visits.Add(visit);
            appointment.VisitId = visit.Id;
            audit.Record(AuditAction.VisitCreated, "Visit", visit.Id.ToString(), appointment.PatientId);
            audit.Record(action, AppointmentRules.Subject, appointment.Id.ToString(), appointment.PatientId);
            await AppointmentRules.SaveAsync(db, audit, logger, appointment, action, ct);
            logger.AppointmentChanged(appointment.Id, appointment.PatientId, "visit started");
            return visit;
        }
    }
}
