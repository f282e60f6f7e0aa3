namespace SpasmCare.Web.Features.Workup;

public static class UpdateElectrophysiology
{
    public sealed class Request
    {
        [Required] public ElectrophysiologyInput Study { get; set; } = new();

        /// <summary>The version the editor started from.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<WorkupResult<ElectrophysiologyStudy>> HandleAsync(Guid patientId, Guid id, Request request, CancellationToken ct)
        {
            var study = await db.ElectrophysiologyStudies.FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
            if (study is null || await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return new(null, null);
            }

            if (study.EnteredInError)
            {
                throw new Errors.RuleException("entered-in-error", "This study was marked as entered in error; it can no longer be changed.");
            }

            if (study.Version != request.Version)
            {
                return new(null, await ConflictAsync(study, request, ct));
            }

            WorkupChecks.NotBeforeBirth(request.Study.StudyDate, born, "Study." + nameof(ElectrophysiologyInput.StudyDate), "date of the study");
            request.Study.ApplyTo(study);
            if (!db.ChangeTracker.HasChanges())
            {
                return new(study, null);
            }

            audit.Record(AuditAction.ElectrophysiologyUpdated, RecordElectrophysiology.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.ElectrophysiologyStudies.AsNoTracking().FirstAsync(s => s.Id == id, ct);
                return new(null, await ConflictAsync(current, request, ct));
            }

            logger.ElectrophysiologySaved(id, patientId, "updated");
            return new(study, null);
        }

        private async Task<EditConflict> ConflictAsync(ElectrophysiologyStudy current, Request request, CancellationToken ct)
        {
            logger.EditConflict(RecordElectrophysiology.Subject, current.Id, current.PatientId);
            audit.Record(AuditAction.ElectrophysiologyUpdated, RecordElectrophysiology.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            return await EditConflict.ExplainAsync(db, current, ElectrophysiologyInput.From(current).Describe(), request.Study.Describe(), ct);
        }
    }
}
