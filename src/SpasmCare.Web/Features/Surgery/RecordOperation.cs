using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The surgeon records the operation of a booked case. The case becomes "operated" and its follow-up tasks are
/// scheduled from the operation date (contract D, <see cref="MvdFollowUpTasks.Schedule"/>).
/// </summary>
public static class RecordOperation
{
    public const string Subject = "MvdOperation";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The operation, or null when the patient has no such case.</returns>
        public async Task<MvdOperation?> HandleAsync(Guid patientId, Guid caseId, OperationInput input, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, input.Version, AuditAction.MvdOperationRecorded, ct);
            MvdCaseRules.NotCancelled(c);
            if (await db.MvdOperations.AnyAsync(o => o.CaseId == caseId, ct))
            {
                throw new RuleException("mvd.operation-exists", "The operation of this case is already recorded; edit it instead.");
            }

            if (c.Status != MvdCaseStatus.Booked || c.HospitalSiteId is not { } hospitalId)
            {
                throw new RuleException("mvd.not-booked", "Book the case into a theatre before recording its operation.");
            }

            var zone = await MvdCaseRules.HospitalZoneAsync(db, hospitalId, ct);
            var operation = new MvdOperation { CaseId = caseId, PatientId = patientId };
            OperationRules.Apply(input, operation, zone, Clock.UtcNow(time));
            OperationRules.WithinStay(c, operation);
            db.MvdOperations.Add(operation);
            db.LsrReadings.AddRange(input.ReadingsFor(operation.Id, zone));
            if (c.RedoOfCaseId is not null)
            {
                c.RedoCause = input.RedoCause;
            }

            c.Status = MvdCaseStatus.Operated;
            MvdFollowUpTasks.Schedule(db, c, hospitalId, DateOnly.FromDateTime(MvdCaseRules.ToLocal(operation.StartedAtUtc, zone)));
            audit.Record(AuditAction.MvdOperationRecorded, Subject, operation.Id.ToString(), patientId);
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdOperationRecorded, ct);
            logger.CaseChanged(caseId, patientId, "operation recorded");
            return operation;
        }
    }
}

/// <summary>Checks shared by recording and editing an operation.</summary>
internal static class OperationRules
{
    public static void Apply(OperationInput input, MvdOperation operation, TimeZoneInfo zone, DateTime nowUtc)
    {
        if (!input.ApplyTo(operation, zone))
        {
            throw new RuleException("mvd.time", "That time does not exist at the hospital (the clocks change then).", nameof(OperationInput.StartTime));
        }

        if (operation.StartedAtUtc > nowUtc)
        {
            throw new RuleException("mvd.future", "The operation cannot start in the future.", nameof(OperationInput.StartTime));
        }

        if ((operation.EndedAtUtc - operation.StartedAtUtc).TotalMinutes > TheatreBookings.MaxMinutes)
        {
            throw new RuleException("mvd.too-long", "The operation cannot be longer than 16 hours: check the times.", nameof(OperationInput.EndTime));
        }
    }

    /// <summary>An operation lies inside the recorded stay, when there is one.</summary>
    public static void WithinStay(MvdCase c, MvdOperation operation)
    {
        if (c.AdmittedAtUtc is { } admitted && operation.StartedAtUtc < admitted)
        {
            throw new RuleException("mvd.before-admission", "The operation starts before the recorded admission.", nameof(OperationInput.StartTime));
        }

        if (c.DischargedAtUtc is { } discharged && operation.EndedAtUtc > discharged)
        {
            throw new RuleException("mvd.after-discharge", "The operation ends after the recorded discharge.", nameof(OperationInput.EndTime));
        }
    }
}
