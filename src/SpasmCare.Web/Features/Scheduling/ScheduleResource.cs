namespace SpasmCare.Web.Features.Scheduling;

public enum ResourceKind
{
    Practitioner = 0,
    Room = 1,
    Theatre = 2,
}

/// <summary>What a practitioner does in the schedule (an MVD needs a surgeon and an anaesthetist).</summary>
public enum PractitionerRole
{
    Doctor = 0,
    Anaesthetist = 1,
    Nurse = 2,
}

/// <summary>
/// Something an appointment takes up: a practitioner (a staff member who signs in, or an outside one such as a
/// hospital's anaesthetist), or a room or theatre at one site. A practitioner works at sites through
/// <see cref="WeeklyAvailability"/>; rooms and theatres belong to their <see cref="SiteId"/> and are open whenever
/// the site is. Never deleted, only made inactive.
/// </summary>
public sealed class ScheduleResource : IVersioned
{
    public const int NameMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public ResourceKind Kind { get; init; }
    [StringLength(NameMax)] public string Name { get; set; } = "";

    /// <summary>A room's or theatre's site; null for a practitioner.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>The staff account of a practitioner who signs in; null for an outside practitioner, a room or a theatre.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A practitioner's role; null for a room or theatre.</summary>
    public PractitionerRole? Role { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>
/// A practitioner's recurring weekly session at a site, in the site's wall-clock time (so 09:00 stays 09:00 across a
/// daylight-saving change): e.g. Tuesdays 09:00–13:00 at the Dadar clinic from 1 Jan 2026.
/// </summary>
public sealed class WeeklyAvailability : IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ResourceId { get; init; }
    public Guid SiteId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day it applies (inclusive); null when open-ended.</summary>
    public DateOnly? ValidUntil { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum AvailabilityExceptionKind
{
    /// <summary>Not available (leave, a conference): removes the time from the weekly pattern.</summary>
    Leave = 0,

    /// <summary>A one-off extra session at a site.</summary>
    ExtraSession = 1,
}

/// <summary>
/// A change to a practitioner's weekly pattern on one date, in the site's wall-clock time. Leave without times is the
/// whole day (at every site when <see cref="SiteId"/> is null); an extra session needs a site and times.
/// </summary>
public sealed class AvailabilityException : IVersioned
{
    public const int ReasonMax = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ResourceId { get; init; }
    public Guid? SiteId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public AvailabilityExceptionKind Kind { get; set; }
    [StringLength(ReasonMax)] public string? Reason { get; set; }

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>A day a site is closed (a public holiday), or every site when <see cref="SiteId"/> is null.</summary>
public sealed class Holiday : IVersioned
{
    public const int NameMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? SiteId { get; set; }
    public DateOnly Date { get; set; }
    [StringLength(NameMax)] public string Name { get; set; } = "";

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>
/// A kind of appointment, its default length and what it needs besides the practitioner. Seeded with the clinic's
/// usual types (<see cref="AppointmentTypeSeed"/>); an admin edits lengths and adds types.
/// </summary>
public sealed class AppointmentType : IVersioned
{
    public const int CodeMax = 40;
    public const int NameMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable code other modules refer to, e.g. <c>injection-visit</c>; see <see cref="AppointmentTypeSeed"/>.</summary>
    [StringLength(CodeMax)] public string Code { get; init; } = "";
    [StringLength(NameMax)] public string Name { get; set; } = "";
    public int DefaultMinutes { get; set; }

    /// <summary>Needs a room at the site (not for a tele-consultation or surgery).</summary>
    public bool NeedsRoom { get; set; }

    /// <summary>Needs a theatre; only at a hospital site with an operating theatre.</summary>
    public bool NeedsTheatre { get; set; }

    public bool NeedsAnaesthetist { get; set; }

    /// <summary>By video or phone: no room, and the reminder says so.</summary>
    public bool IsRemote { get; set; }

    /// <summary>The visit a checked-in appointment of this type starts, when it starts one (surgery does not).</summary>
    public Assessments.VisitType? VisitType { get; set; }

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>
/// A secret address a practitioner gives their calendar app to read their appointments (iCalendar). Only the
/// SHA-256 of the token is stored; revoking it stops the feed at once. One live token per practitioner.
/// </summary>
public sealed class CalendarFeedToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ResourceId { get; init; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    [StringLength(64)] public string TokenHash { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTime? RevokedAtUtc { get; set; }
    public Guid? RevokedBy { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }
}
