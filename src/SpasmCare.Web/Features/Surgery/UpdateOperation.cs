namespace SpasmCare.Web.Features.Surgery;

/// <summary>Correct the operative record. The LSR timeline is replaced by the rows of the form; follow-up windows move with the date.</summary>
public static class UpdateOperation
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The operation, or null when the patient's case has none.</returns>
        public async Task<MvdOperation?> HandleAsync(Guid patientId, Guid caseId, OperationInput input, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            var operation = c is null ? null : await db.MvdOperations.FirstOrDefaultAsync(o => o.CaseId == caseId, ct);
            if (c is null || operation is null)
            {
                return null;
            }

            if (operation.Version != input.Version)
            {
                db.ChangeTracker.Clear();
                await StaleAsync(caseId, patientId, operation.Id, ct);
            }

            var zone = await MvdCaseRules.HospitalZoneAsync(db, c.HospitalSiteId, ct);
            var before = DateOnly.FromDateTime(MvdCaseRules.ToLocal(operation.StartedAtUtc, zone));
            OperationRules.Apply(input, operation, zone, Clock.UtcNow(time));
            OperationRules.WithinStay(c, operation);
            if (c.RedoOfCaseId is not null)
            {
                c.RedoCause = input.RedoCause;
            }

            var saved = await db.LsrReadings.Where(r => r.OperationId == operation.Id).OrderBy(r => r.Order).ToListAsync(ct);
            var wanted = input.ReadingsFor(operation.Id, zone);
            if (!SameReadings(saved, wanted))
            {
                db.LsrReadings.RemoveRange(saved);
                db.LsrReadings.AddRange(wanted);
                // The readings have no version of their own: touching the operation makes a concurrent edit conflict.
                db.Entry(operation).State = EntityState.Modified;
            }

            var after = DateOnly.FromDateTime(MvdCaseRules.ToLocal(operation.StartedAtUtc, zone));
            if (after != before)
            {
                await MvdFollowUpTasks.RescheduleAsync(db, caseId, after, ct);
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return operation;
            }

            audit.Record(AuditAction.MvdOperationUpdated, RecordOperation.Subject, operation.Id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                await StaleAsync(caseId, patientId, operation.Id, ct);
            }

            logger.CaseChanged(caseId, patientId, "operation updated");
            return operation;
        }

        private async Task StaleAsync(Guid caseId, Guid patientId, Guid operationId, CancellationToken ct)
        {
            logger.StaleVersion(caseId, AuditAction.MvdOperationUpdated);
            audit.Record(AuditAction.MvdOperationUpdated, RecordOperation.Subject, operationId.ToString(), patientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            var current = await db.MvdOperations.AsNoTracking().Where(o => o.Id == operationId).Select(o => o.Version).FirstAsync(ct);
            throw new StaleCaseException(current);
        }

        private static bool SameReadings(List<LsrReading> saved, List<LsrReading> wanted) =>
            saved.Count == wanted.Count
            && saved.Zip(wanted).All(p => p.First.Step == p.Second.Step && p.First.AtUtc == p.Second.AtUtc
                && p.First.Present == p.Second.Present && p.First.AmplitudeUv == p.Second.AmplitudeUv && p.First.LatencyMs == p.Second.LatencyMs);
    }
}
