namespace SpasmCare.Web.Features.Workup;

public static class UpdateImaging
{
    public sealed class Request
    {
        [Required] public ImagingInput Study { get; set; } = new();

        /// <summary>The version the editor started from.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<WorkupResult<ImagingStudy>> HandleAsync(Guid patientId, Guid id, Request request, CancellationToken ct)
        {
            var study = await db.ImagingStudies.FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
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

            WorkupChecks.NotBeforeBirth(request.Study.StudyDate, born, "Study." + nameof(ImagingInput.StudyDate), "date of the study");
            request.Study.ApplyTo(study);
            if (!db.ChangeTracker.HasChanges())
            {
                return new(study, null);
            }

            audit.Record(AuditAction.ImagingUpdated, RecordImaging.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.ImagingStudies.AsNoTracking().FirstAsync(s => s.Id == id, ct);
                return new(null, await ConflictAsync(current, request, ct));
            }

            logger.ImagingSaved(id, patientId, "updated");
            return new(study, null);
        }

        private async Task<EditConflict> ConflictAsync(ImagingStudy current, Request request, CancellationToken ct)
        {
            logger.EditConflict(RecordImaging.Subject, current.Id, current.PatientId);
            audit.Record(AuditAction.ImagingUpdated, RecordImaging.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            return await EditConflict.ExplainAsync(db, current, ImagingInput.From(current).Describe(), request.Study.Describe(), ct);
        }
    }
}
