namespace SpasmCare.Web.Features.Scheduling;

public enum AppointmentStatus
{
    Booked = 0,
    CheckedIn = 1,
    Completed = 2,
    Cancelled = 3,
    NoShow = 4,
}

/// <summary>Where a booking was made from, so that the list or task it came from can be closed or linked.</summary>
public enum AppointmentSource
{
    Desk = 0,
    PatientPage = 1,
    Inquiry = 2,
    Recall = 3,
    FollowUp = 4,
    Surgery = 5,
}

/// <summary>
/// A patient's booked time with a practitioner at a site, and the room, theatre and anaesthetist its type needs.
/// Stored in UTC and shown in the site's time zone. An appointment is never deleted: it is cancelled with a reason or
/// marked a no-show; a reschedule moves it (the count and the audit log keep the history). Only
/// <see cref="AppointmentStatus.Booked"/> and <see cref="AppointmentStatus.CheckedIn"/> appointments hold their
/// resources.
/// </summary>
public sealed class Appointment : IVersioned
{
    public const int ReasonMax = 500;
    public const int NoteMax = 500;
    public const int SourceKeyMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
    public Guid TypeId { get; set; }
    public Guid SiteId { get; set; }
    public Guid PractitionerId { get; set; }
    public Guid? RoomId { get; set; }
    public Guid? TheatreId { get; set; }
    public Guid? AnaesthetistId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public AppointmentStatus Status { get; set; }

    [StringLength(NoteMax)] public string? Note { get; set; }

    public AppointmentSource Source { get; init; }

    /// <summary>The record it was booked from: an inquiry, a follow-up task, an MVD case.</summary>
    public Guid? SourceId { get; init; }

    /// <summary>The recall-list item it was booked from (see <c>Features/Recall</c>).</summary>
    [StringLength(SourceKeyMax)] public string? SourceKey { get; init; }

    /// <summary>The MVD case an operation appointment belongs to.</summary>
    public Guid? MvdCaseId { get; set; }

    public int RescheduleCount { get; set; }

    [StringLength(ReasonMax)] public string? CancelReason { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public DateTime? CheckedInAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public DateTime? NoShowAtUtc { get; set; }

    /// <summary>The visit started from this appointment once the patient checked in.</summary>
    public Guid? VisitId { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }

    /// <summary>Whether it still takes up its practitioner, room, theatre and anaesthetist.</summary>
    public bool HoldsResources => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn;
}
