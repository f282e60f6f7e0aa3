using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.FollowUps;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The follow-up tasks of an operated MVD case: one <see cref="FollowUpKind.MvdFollowUp"/> task per milestone of
/// <see cref="FollowUpSchedule"/> (1 week, 1, 3, 6, 12 months, then yearly to 5 years), each due in its window.
/// Recording an <see cref="MvdFollowUp"/> closes the task of the same milestone (see RecordFollowUp).
/// </summary>
public static class MvdFollowUpTasks
{
    /// <summary>
    /// Adds the schedule's tasks for <paramref name="mvdCase"/> to <paramref name="db"/> (the caller saves). Call it
    /// once, when the operation is first recorded; when its date changes later, call <see cref="RescheduleAsync"/>.
    /// </summary>
    public static void Schedule(SpasmCareDbContext db, MvdCase mvdCase, Guid siteId, DateOnly operatedOn)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mvdCase);
        foreach (var milestone in FollowUpSchedule.For(operatedOn))
        {
            db.FollowUpTasks.Add(new FollowUpTask
            {
                PatientId = mvdCase.PatientId,
                SiteId = siteId,
                Kind = FollowUpKind.MvdFollowUp,
                SourceId = mvdCase.Id,
                Milestone = milestone.Label,
                DueFrom = milestone.DueFrom,
                DueBy = milestone.DueBy,
                Status = FollowUpStatus.Open,
            });
        }
    }

    /// <summary>Moves the case's open tasks to the windows of a corrected operation date (the caller saves).</summary>
    public static async Task RescheduleAsync(SpasmCareDbContext db, Guid caseId, DateOnly operatedOn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.FollowUpTasks
            .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open)
            .ToListAsync(ct);
        foreach (var task in open)
        {
            if (FollowUpSchedule.Find(operatedOn, task.Milestone) is { } milestone)
            {
                task.DueFrom = milestone.DueFrom;
                task.DueBy = milestone.DueBy;
            }
        }
    }

    /// <summary>Cancels the case's open tasks, e.g. when the case is cancelled or its operation entered in error.</summary>
    public static async Task CancelOpenAsync(SpasmCareDbContext db, Guid caseId, DateTime nowUtc, Guid? by, string reason,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.FollowUpTasks
            .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open)
            .ToListAsync(ct);
        foreach (var task in open)
        {
            task.Status = FollowUpStatus.Cancelled;
            task.ClosedAtUtc = nowUtc;
            task.ClosedBy = by;
            task.Note = reason.Length <= 500 ? reason : reason[..500];
        }
    }

    /// <summary>
    /// Closes the open task of <paramref name="milestone"/> for the case with the follow-up that completed it
    /// (the caller saves). Returns the task, or null when there was no open task for that milestone.
    /// </summary>
    public static async Task<FollowUpTask?> CloseAsync(SpasmCareDbContext db, Guid caseId, string milestone, Guid followUpId,
        DateTime nowUtc, Guid? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = await db.FollowUpTasks
            .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open
                && t.Milestone == milestone)
            .OrderBy(t => t.DueFrom)
            .FirstOrDefaultAsync(ct);
        if (task is not null)
        {
            task.Status = FollowUpStatus.Done;
            task.ClosedAtUtc = nowUtc;
            task.ClosedBy = by;
            task.ResultId = followUpId;
        }

        return task;
    }
}
