using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// Edits a follow-up. A changed milestone moves the task link: the old milestone's task (if this follow-up closed it)
/// opens again, and the new milestone's open task closes with this follow-up.
/// </summary>
public static class UpdateFollowUp
{
    public sealed class Request
    {
        [Required] public FollowUpInput FollowUp { get; set; } = new();

        /// <summary>The version the editor started from.</summary>
        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, ICurrentUser user, TimeProvider time)
    {
        public async Task<WorkupResult<MvdFollowUp>> HandleAsync(Guid patientId, Guid caseId, Guid id, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var followUp = await db.MvdFollowUps.FirstOrDefaultAsync(f => f.Id == id && f.CaseId == caseId && f.PatientId == patientId, ct);
            if (followUp is null || await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
            {
                return new(null, null);
            }

            if (followUp.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This follow-up was marked as entered in error; it can no longer be changed.");
            }

            if (followUp.Version != request.Version)
            {
                return new(null, await ConflictAsync(followUp, request, ct));
            }

            var input = request.FollowUp;
            RecordFollowUp.Check(header, input, clock.Today, "FollowUp.");
            var before = followUp.Milestone;
            var after = input.Milestone!.Trim();
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                if (await db.MvdFollowUps.AnyAsync(f => f.CaseId == caseId && f.Id != id && !f.EnteredInError && f.Milestone == after, ct))
                {
                    throw new RuleException("mvd.follow-up-duplicate",
                        $"The {after} follow-up is already recorded; edit that one instead.", "FollowUp." + nameof(FollowUpInput.Milestone), 422);
                }

                await MoveTaskAsync(caseId, patientId, id, before, after, ct);
            }

            input.ApplyTo(followUp);
            if (!db.ChangeTracker.HasChanges())
            {
                return new(followUp, null);
            }

            audit.Record(AuditAction.MvdFollowUpUpdated, RecordFollowUp.Subject, id.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.MvdFollowUps.AsNoTracking().FirstAsync(f => f.Id == id, ct);
                return new(null, await ConflictAsync(current, request, ct));
            }

            return new(followUp, null);
        }

        private async Task MoveTaskAsync(Guid caseId, Guid patientId, Guid id, string before, string after, CancellationToken ct)
        {
            var old = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp
                && t.Status == FollowUpStatus.Done && t.ResultId == id && t.Milestone == before, ct);
            if (old is not null)
            {
                old.Status = FollowUpStatus.Open;
                old.ClosedAtUtc = null;
                old.ClosedBy = null;
                old.ResultId = null;
            }

            if (await MvdFollowUpTasks.CloseAsync(db, caseId, after, id, Clock.UtcNow(time), user.UserId, ct) is { } task)
            {
                audit.Record(AuditAction.FollowUpClosed, "FollowUpTask", task.Id.ToString(), patientId);
            }
        }

        private async Task<EditConflict> ConflictAsync(MvdFollowUp current, Request request, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            audit.Record(AuditAction.MvdFollowUpUpdated, RecordFollowUp.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            return await EditConflict.ExplainAsync(db, current, FollowUpInput.From(current).Describe(), request.FollowUp.Describe(), ct);
        }
    }
}
