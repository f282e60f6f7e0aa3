using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// Records a post-operative follow-up of an operated case and closes the open follow-up task of the same milestone
/// (its ResultId names the follow-up).
/// </summary>
public static class RecordFollowUp
{
    public const string Subject = "MvdFollowUp";

    /// <summary>How far from the date seen a scale score may be to pre-fill the form.</summary>
    public const int PrefillDays = 7;

    /// <summary>A score that pre-filled a field, and when it was assessed.</summary>
    public sealed record Prefilled(decimal Total, DateOnly AssessedOn);

    /// <summary>The HFS-7 total and SMC grade scored nearest <paramref name="seenOn"/>, within <see cref="PrefillDays"/> days.</summary>
    public static async Task<(Prefilled? Hfs7, Prefilled? Smc)> ScoresNearAsync(SpasmCareDbContext db, ClinicTime clock,
        Guid patientId, DateOnly seenOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var hfs7 = InstrumentCatalogue.Hfs7.Code;
        var smc = InstrumentCatalogue.Smc.Code;
        var from = clock.ToUtc(seenOn.AddDays(-PrefillDays));
        var to = clock.ToUtc(seenOn.AddDays(PrefillDays + 1));
        var scores = await db.ScaleScores.AsNoTracking()
            .Where(s => s.PatientId == patientId && (s.InstrumentCode == hfs7 || s.InstrumentCode == smc)
                && s.SupersededBy == null && s.Total != null && s.AssessedAtUtc >= from && s.AssessedAtUtc < to)
            .Where(s => s.VisitId == null || !db.Visits.Any(v => v.Id == s.VisitId && v.EnteredInError))
            .Select(s => new { s.InstrumentCode, s.Total, s.AssessedAtUtc, s.RecordedAtUtc })
            .ToListAsync(ct);
        Prefilled? Nearest(string code) => scores
            .Where(s => s.InstrumentCode == code)
            .Select(s => new { s.Total, On = DateOnly.FromDateTime(clock.Local(s.AssessedAtUtc)), s.RecordedAtUtc })
            .OrderBy(s => Math.Abs(s.On.DayNumber - seenOn.DayNumber)).ThenByDescending(s => s.RecordedAtUtc)
            .Select(s => new Prefilled(s.Total!.Value, s.On))
            .FirstOrDefault();
        return (Nearest(hfs7), Nearest(smc));
    }

    /// <summary>The follow-up rules every save checks: an operated, not cancelled case, seen on or after the operation and not in the future.</summary>
    internal static DateOnly Check(FollowUpCase header, FollowUpInput input, DateOnly today, string prefix = "")
    {
        MvdCaseRules.NotCancelled(header.Case);
        if (header.OperatedOn is not { } operatedOn)
        {
            throw new RuleException("mvd.not-operated", "Record the operation before its follow-ups.");
        }

        if (input.SeenOn < operatedOn)
        {
            throw new RuleException("mvd.follow-up-before-operation",
                $"The date seen is before the operation ({FollowUpLabels.Date(operatedOn)}).", prefix + nameof(FollowUpInput.SeenOn), 422);
        }

        if (input.SeenOn > today)
        {
            throw new RuleException("mvd.follow-up-future", "The date seen cannot be in the future.", prefix + nameof(FollowUpInput.SeenOn), 422);
        }

        return operatedOn;
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, ICurrentUser user, TimeProvider time)
    {
        /// <returns>The new follow-up, or null when the patient or case is unknown.</returns>
        public async Task<MvdFollowUp?> HandleAsync(Guid patientId, Guid caseId, FollowUpInput input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
            {
                return null;
            }

            Check(header, input, clock.Today);
            var milestone = input.Milestone!.Trim();
            var same = await db.MvdFollowUps.AsNoTracking()
                .Where(f => f.CaseId == caseId && !f.EnteredInError && f.Milestone == milestone)
                .Select(f => (DateOnly?)f.SeenOn)
                .FirstOrDefaultAsync(ct);
            if (same is { } seen)
            {
                throw new RuleException("mvd.follow-up-duplicate",
                    $"The {milestone} follow-up is already recorded (seen {FollowUpLabels.Date(seen)}); edit it instead.",
                    nameof(FollowUpInput.Milestone), 422);
            }

            var followUp = new MvdFollowUp { CaseId = caseId, PatientId = patientId };
            input.ApplyTo(followUp);
            db.MvdFollowUps.Add(followUp);
            var now = Clock.UtcNow(time);
            if (await MvdFollowUpTasks.CloseAsync(db, caseId, milestone, followUp.Id, now, user.UserId, ct) is { } task)
            {
                audit.Record(AuditAction.FollowUpClosed, "FollowUpTask", task.Id.ToString(), patientId);
            }

            audit.Record(AuditAction.MvdFollowUpRecorded, Subject, followUp.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            return followUp;
        }
    }
}
