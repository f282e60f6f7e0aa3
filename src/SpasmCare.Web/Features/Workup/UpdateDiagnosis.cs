namespace SpasmCare.Web.Features.Workup;

public static class UpdateDiagnosis
{
    public sealed class Request
    {
        [Required] public DiagnosisInput Diagnosis { get; set; } = new();

        /// <summary>The version the editor started from.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<WorkupResult<PatientDiagnosis>> HandleAsync(Guid patientId, Guid id, Request request, CancellationToken ct)
        {
            var diagnosis = await db.Diagnoses.FirstOrDefaultAsync(d => d.Id == id && d.PatientId == patientId, ct);
            if (diagnosis is null || await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return new(null, null);
            }

            if (!diagnosis.IsCurrent)
            {
                throw new Errors.RuleException("ended", "This diagnosis has ended; it stays in the history as it was. Record a new one instead.");
            }

            if (diagnosis.Version != request.Version)
            {
                return new(null, await ConflictAsync(diagnosis, request, ct));
            }

            WorkupChecks.NotBeforeBirth(request.Diagnosis.OnsetDate, born, "Diagnosis." + nameof(DiagnosisInput.OnsetDate), "onset");
            request.Diagnosis.ApplyTo(diagnosis);
            if (!db.ChangeTracker.HasChanges())
            {
                return new(diagnosis, null);
            }

            audit.Record(AuditAction.DiagnosisUpdated, RecordDiagnosis.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Diagnoses.AsNoTracking().FirstAsync(d => d.Id == id, ct);
                return new(null, await ConflictAsync(current, request, ct));
            }

            logger.DiagnosisSaved(id, patientId, "updated");
            return new(diagnosis, null);
        }

        private async Task<EditConflict> ConflictAsync(PatientDiagnosis current, Request request, CancellationToken ct)
        {
            logger.EditConflict(RecordDiagnosis.Subject, current.Id, current.PatientId);
            audit.Record(AuditAction.DiagnosisUpdated, RecordDiagnosis.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            return await EditConflict.ExplainAsync(db, current, DiagnosisInput.From(current).Describe(), request.Diagnosis.Describe(), ct);
        }
    }
}
