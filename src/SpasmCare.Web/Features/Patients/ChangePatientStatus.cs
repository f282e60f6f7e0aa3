namespace SpasmCare.Web.Features.Patients;

/// <summary>Deactivate or reactivate a patient, with a reason. Nothing is deleted.</summary>
public static class ChangePatientStatus
{
    public sealed class Request
    {
        public bool Active { get; set; }

        [Required(ErrorMessage = "Give a reason, such as \"moved away\" or \"registered twice, see SC-000123\".")]
        [StringLength(PatientStatusLimits.ReasonMax, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The patient, or null when there is none. Throws a rule error on a stale version or no change.</returns>
        public async Task<Patient?> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (patient is null)
            {
                return null;
            }

            if (patient.Version != request.Version)
            {
                throw new Errors.RuleException("conflict",
                    "Someone else changed this patient while you were looking. Review the record and try again.");
            }

            if (patient.IsActive == request.Active)
            {
                throw new Errors.RuleException("no-change",
                    request.Active ? "This patient is already active." : "This patient is already inactive.");
            }

            var now = Clock.UtcNow(time);
            if (request.Active)
            {
                patient.Reactivate(request.Reason, now);
            }
            else
            {
                patient.Deactivate(request.Reason, now);
            }

            patient.Version = Guid.CreateVersion7();
            db.PatientRevisions.Add(PatientRevision.Of(patient,
                request.Active ? PatientChange.Reactivated : PatientChange.Deactivated, now, user));
            audit.Record(request.Active ? AuditAction.PatientReactivated : AuditAction.PatientDeactivated,
                "Patient", id.ToString(), id);
            await db.SaveChangesAsync(ct);
            logger.PatientStatusChanged(id, request.Active);
            return patient;
        }
    }
}
