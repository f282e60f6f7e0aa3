using SpasmCare.Web.Features.FollowUps;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Closes and cancels the follow-up tasks of one injection session (the onset check and the peak review that
/// recording the session created). Both only change tracked entities: the caller's single SaveChanges commits them
/// with the change that caused them (a review, a session entered in error) and its audit row, and a task edited by
/// someone else meanwhile fails that SaveChanges through the task's Version.
/// </summary>
public static class ToxinFollowUps
{
    /// <summary>The task kinds that belong to an injection session.</summary>
    public static readonly IReadOnlyList<FollowUpKind> Kinds = [FollowUpKind.ToxinOnsetCheck, FollowUpKind.ToxinPeakReview];

    /// <summary>
    /// Cancels every still-open toxin task of the session (e.g. when the session is entered in error), noting why.
    /// Tasks already done or cancelled are left as they are. Returns the tasks cancelled.
    /// </summary>
    public static async Task<IReadOnlyList<FollowUpTask>> CancelFor(SpasmCareDbContext db, Guid sessionId, DateTime nowUtc,
        Guid? by, string reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await OpenTasksAsync(db, sessionId, ct);
        var note = Truncate("Cancelled: " + reason.Trim(), 500);
        foreach (var task in open)
        {
            task.Status = FollowUpStatus.Cancelled;
            task.ClosedAtUtc = nowUtc;
            task.ClosedBy = by;
            task.Note = note;
        }

        return open;
    }

    /// <summary>
    /// Marks the session's open task of <paramref name="kind"/> done, with the review that completed it. Returns the
    /// task closed, or null when there was no open task of that kind (already closed, cancelled, never created).
    /// </summary>
    public static async Task<FollowUpTask?> CloseFor(SpasmCareDbContext db, Guid sessionId, FollowUpKind kind, Guid reviewId,
        DateTime nowUtc, Guid? by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = (await OpenTasksAsync(db, sessionId, ct)).FirstOrDefault(t => t.Kind == kind);
        if (task is null)
        {
            return null;
        }

        task.Status = FollowUpStatus.Done;
        task.ClosedAtUtc = nowUtc;
        task.ClosedBy = by;
        task.ResultId = reviewId;
        return task;
    }

    /// <summary>
    /// Which task a review recorded on <paramref name="reviewedOn"/> completes. The rule: a review made on or before the
    /// onset check's last day (session date + 5, DOMAIN §3.5's day 3–5 window) answers the onset check; any later review
    /// answers the peak review. A review the clinician explicitly marks as the other kind is taken at its word
    /// (<paramref name="chosen"/>). A peak review also closes a still-open onset check that it has overtaken: once the peak
    /// has been seen there is nothing left to ask about onset (see <see cref="CloseForReviewAsync"/>).
    /// </summary>
    public static FollowUpKind KindFor(DateOnly sessionDate, DateOnly reviewedOn, FollowUpKind? chosen = null) =>
        chosen is FollowUpKind.ToxinOnsetCheck or FollowUpKind.ToxinPeakReview
            ? chosen.Value
            : reviewedOn <= sessionDate.AddDays(OnsetCheckLastDay) ? FollowUpKind.ToxinOnsetCheck : FollowUpKind.ToxinPeakReview;

    /// <summary>Days after the session when the onset check window ends (DOMAIN §3.5: onset at day 3–5).</summary>
    public const int OnsetCheckLastDay = 5;

    /// <summary>
    /// Closes what a review completes (<see cref="KindFor"/>): the onset check, or the peak review and any onset check
    /// still open before it. Returns the tasks closed.
    /// </summary>
    public static async Task<IReadOnlyList<FollowUpTask>> CloseForReviewAsync(SpasmCareDbContext db, Guid sessionId,
        FollowUpKind kind, Guid reviewId, DateTime nowUtc, Guid? by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var closed = new List<FollowUpTask>();
        if (kind == FollowUpKind.ToxinPeakReview
            && await CloseFor(db, sessionId, FollowUpKind.ToxinOnsetCheck, reviewId, nowUtc, by, ct) is { } onset)
        {
            closed.Add(onset);
        }

        if (await CloseFor(db, sessionId, kind, reviewId, nowUtc, by, ct) is { } task)
        {
            closed.Add(task);
        }

        return closed;
    }

    private static async Task<List<FollowUpTask>> OpenTasksAsync(SpasmCareDbContext db, Guid sessionId, CancellationToken ct)
    {
        var kinds = Kinds.ToList();
        var saved = await db.FollowUpTasks
            .Where(t => t.SourceId == sessionId && kinds.Contains(t.Kind) && t.Status == FollowUpStatus.Open)
            .ToListAsync(ct);

        // Tasks added in this unit of work and not yet saved (a session recorded and corrected in one request).
        var added = db.FollowUpTasks.Local
            .Where(t => t.SourceId == sessionId && kinds.Contains(t.Kind) && t.Status == FollowUpStatus.Open
                && db.Entry(t).State == EntityState.Added);
        return [.. saved.Concat(added).Distinct().OrderBy(t => t.DueFrom)];
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
