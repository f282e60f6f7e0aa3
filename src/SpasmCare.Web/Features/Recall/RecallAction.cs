namespace SpasmCare.Web.Features.Recall;

/// <summary>Why a patient is on the recall list.</summary>
public enum RecallReason
{
    /// <summary>Due or overdue for the next toxin injection (the toxin module's due date).</summary>
    Reinjection = 0,

    /// <summary>An open post-operative follow-up task of an MVD case whose window has come.</summary>
    PostOperativeFollowUp = 1,

    /// <summary>No rating-scale assessment for longer than the re-assessment interval.</summary>
    Reassessment = 2,

    /// <summary>A no-show not followed by a new booking.</summary>
    MissedAppointment = 3,
}

public enum RecallOutcome
{
    NoAnswer = 0,
    LeftMessage = 1,
    WillCallBack = 2,
    Booked = 3,
    Declined = 4,
    WrongNumber = 5,
    Postponed = 6,
}

/// <summary>
/// One attempt at working a recall-list item: a call and its outcome, a booking, or a postponement with a reason.
/// The item is identified by <see cref="ItemKey"/> (e.g. <c>reinjection:{last session id}</c>), so an action on it
/// stops applying when the item itself changes (a new session makes a new item). A postponed item leaves the list
/// until <see cref="PostponedUntil"/>; a declined one until the item changes.
/// </summary>
public sealed class RecallAction
{
    public const int ItemKeyMax = 100;
    public const int NoteMax = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public RecallReason Reason { get; init; }
    [StringLength(ItemKeyMax)] public string ItemKey { get; init; } = "";
    public RecallOutcome Outcome { get; init; }
    public DateOnly? PostponedUntil { get; init; }
    [StringLength(NoteMax)] public string? Note { get; init; }

    /// <summary>The appointment booked from the list, for <see cref="RecallOutcome.Booked"/>.</summary>
    public Guid? AppointmentId { get; init; }

    public DateTime RecordedAtUtc { get; init; }
    public Guid? RecordedBy { get; init; }
    [StringLength(100)] public string RecordedByName { get; init; } = "";
}

public sealed class RecallActionConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<RecallAction>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RecallAction> builder)
    {
        builder.HasIndex(a => new { a.ItemKey, a.RecordedAtUtc });
        builder.HasIndex(a => new { a.PatientId, a.RecordedAtUtc });
        builder.HasOne<Patients.Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
