namespace SpasmCare.Web.Features.FollowUps;

/// <summary>What a follow-up task is for. Modules add kinds; the recall lists read them all.</summary>
public enum FollowUpKind
{
    ToxinOnsetCheck = 0,
    ToxinPeakReview = 1,
    MvdFollowUp = 10,
}

public enum FollowUpStatus
{
    Open = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>
/// Something to do for a patient in a window of dates: call about a toxin session's onset, review its peak effect,
/// see an operated patient at 3 months. Created by the module that owns <see cref="SourceId"/> (an injection session,
/// an MVD case); closed when the matching record is made, or cancelled with a reason.
/// </summary>
public sealed class FollowUpTask : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid SiteId { get; set; }
    public FollowUpKind Kind { get; init; }
    public Guid SourceId { get; init; }

    /// <summary>A label within the kind, e.g. "3 months" for an MVD follow-up.</summary>
    [StringLength(64)] public string? Milestone { get; init; }

    public DateOnly DueFrom { get; set; }
    public DateOnly DueBy { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public Guid? ClosedBy { get; set; }

    /// <summary>The record that completed it (a review, a follow-up visit), when there is one.</summary>
    public Guid? ResultId { get; set; }

    [StringLength(500)] public string? Note { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
