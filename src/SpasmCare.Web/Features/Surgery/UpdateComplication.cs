using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Update a complication's course (it resolved, it is permanent…) or correct it; or mark it entered in error.</summary>
public static class UpdateComplication
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<MvdComplication?> HandleAsync(Guid patientId, Guid caseId, Guid id, ComplicationInput input, bool byDoctor, CancellationToken ct)
        {
            var (c, complication) = await LoadAsync(patientId, caseId, id, ct);
            if (c is null || complication is null)
            {
                return null;
            }

            await CheckVersionAsync(complication, input.Version, ct);
            var operatedOn = await ComplicationRules.OperatedOnAsync(db, c, ct)
                ?? throw new RuleException("mvd.not-operated", "Complications are recorded after the operation is.");
            input.CheckAgainst(operatedOn);
            ComplicationRules.PermanentNeedsDoctor(byDoctor, input.Course, complication.Course);
            input.ApplyTo(complication);
            if (!db.ChangeTracker.HasChanges())
            {
                return complication;
            }

            await SaveAsync(complication, null, ct);
            logger.CaseChanged(caseId, patientId, "complication updated");
            return complication;
        }

        /// <summary>Marks the complication entered in error (it stays, struck out); the reason is kept in its note.</summary>
        public async Task<MvdComplication?> EnteredInErrorAsync(Guid patientId, Guid caseId, Guid id, Guid version, string reason, CancellationToken ct)
        {
            var (c, complication) = await LoadAsync(patientId, caseId, id, ct);
            if (c is null || complication is null)
            {
                return null;
            }

            await CheckVersionAsync(complication, version, ct);
            if (complication.EnteredInError)
            {
                throw new RuleException("mvd.entered-in-error", "This complication is already marked as entered in error.");
            }

            complication.EnteredInError = true;
            var note = "Entered in error: " + reason.Trim() + (complication.Note is null ? "" : "\n" + complication.Note);
            complication.Note = note.Length <= 2000 ? note : note[..2000];
            await SaveAsync(complication, "entered in error", ct);
            logger.CaseChanged(caseId, patientId, "complication entered in error");
            return complication;
        }

        private async Task<(MvdCase?, MvdComplication?)> LoadAsync(Guid patientId, Guid caseId, Guid id, CancellationToken ct)
        {
            var c = await db.MvdCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            var complication = c is null ? null
                : await db.MvdComplications.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == caseId && x.PatientId == patientId, ct);
            if (complication is { EnteredInError: true })
            {
                throw new RuleException("mvd.entered-in-error", "This complication was marked as entered in error; it can no longer be changed.");
            }

            return (c, complication);
        }

        private async Task CheckVersionAsync(MvdComplication complication, Guid version, CancellationToken ct)
        {
            if (complication.Version != version)
            {
                db.ChangeTracker.Clear();
                await StaleAsync(complication, ct);
            }
        }

        private async Task SaveAsync(MvdComplication complication, string? detail, CancellationToken ct)
        {
            audit.Record(AuditAction.MvdComplicationUpdated, ComplicationRules.Subject, complication.Id.ToString(), complication.PatientId, detail: detail);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                await StaleAsync(complication, ct);
            }
        }

        private async Task StaleAsync(MvdComplication complication, CancellationToken ct)
        {
            logger.StaleVersion(complication.CaseId, AuditAction.MvdComplicationUpdated);
            audit.Record(AuditAction.MvdComplicationUpdated, ComplicationRules.Subject, complication.Id.ToString(), complication.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            var current = await db.MvdComplications.AsNoTracking().Where(x => x.Id == complication.Id).Select(x => x.Version).FirstAsync(ct);
            throw new StaleCaseException(current);
        }
    }
}
