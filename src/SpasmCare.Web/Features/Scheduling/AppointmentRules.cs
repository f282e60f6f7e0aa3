using SpasmCare.Clinical.Scheduling;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>What every change of an appointment shares: finding it, the version check, and taking a slot under its locks.</summary>
public static class AppointmentRules
{
    public const string Subject = "Appointment";

    public const string StaleMessage =
        "Someone else changed this appointment after you opened it. Nothing was saved: check what it says now, then try again.";

    /// <summary>The resources a booked slot takes besides the practitioner.</summary>
    public sealed record Reserved(ScheduleResource? Room, ScheduleResource? Theatre, ScheduleResource? Anaesthetist);

    /// <summary>Names the start time's field (local date and time at the site) in errors.</summary>
    public const string TimeField = "Time";

    /// <summary>
    /// Inside the caller's transaction: locks the practitioner and every room, theatre and anaesthetist the type could
    /// take, then checks the practitioner works then and is free and chooses a free room (theatre, anaesthetist).
    /// Throws a rule error, saving nothing, when the time is outside their hours or taken.
    /// </summary>
    public static async Task<Reserved> ReserveAsync(SpasmCareDbContext db, FreeSlots.Handler slots, ILogger logger, Site site, AppointmentType type,
        ScheduleResource practitioner, DateTime startUtc, Guid? exceptAppointmentId, CancellationToken ct)
    {
        var needs = await slots.NeedsAsync(site, type, ct);
        await ScheduleConflicts.LockAsync(db, needs.All.Append(practitioner).Select(ScheduleConflicts.KeyOf), ct);
        var date = DateOnly.FromDateTime(VisitTime.Local(startUtc, site.TimeZoneId));
        var queries = await slots.QueriesAsync(site, type, [practitioner], needs, date, date, exceptAppointmentId, ct);
        var check = Availability.Check(queries[0].Query, startUtc);
        if (check.Outcome != SlotOutcome.Free)
        {
            logger.SlotRefused(practitioner.Id, check.Outcome);
        }

        return check.Outcome switch
        {
            SlotOutcome.Free => ToReserved(FreeSlots.Chosen(check.Chosen, needs, type)),
            SlotOutcome.OutsideHours => throw new RuleException("appointment.outside-hours",
                practitioner.Name + " does not work at " + site.Name + " then (outside their sessions, on leave or a holiday). Choose one of the free slots.",
                TimeField, StatusCodes.Status422UnprocessableEntity),
            SlotOutcome.PractitionerBusy => throw new RuleException("appointment.slot-taken",
                ScheduleConflicts.TakenMessage + " (" + practitioner.Name + " is booked then.)", TimeField),
            _ => throw new RuleException("appointment.slot-taken",
                ScheduleConflicts.TakenMessage + " (No " + check.Pool + " is free then.)", TimeField),
        };
    }

    /// <summary>The UTC start of a local date and time at the site; a rule error when it does not exist or has passed.</summary>
    public static DateTime StartUtc(Site site, DateOnly date, TimeOnly time, TimeProvider clock)
    {
        var start = Availability.ToUtc(date.ToDateTime(new TimeOnly(time.Hour, time.Minute)), VisitTime.Zone(site.TimeZoneId))
            ?? throw new RuleException("appointment.time", "That time does not exist at this site because the clocks change then; choose another.",
                TimeField, StatusCodes.Status422UnprocessableEntity);
        if (start < Clock.UtcNow(clock))
        {
            throw new RuleException("appointment.past", "That time has passed. Choose one of the free slots.", TimeField,
                StatusCodes.Status422UnprocessableEntity);
        }

        return start;
    }

    /// <summary>An active practitioner by id, or a rule error on the practitioner field.</summary>
    public static async Task<ScheduleResource> PractitionerAsync(SpasmCareDbContext db, Guid? id, CancellationToken ct) =>
        await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Kind == ResourceKind.Practitioner && r.IsActive, ct)
        ?? throw new RuleException("appointment.practitioner", "Choose a practitioner from the list.", "PractitionerId",
            StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Refuses (audited as failed, saved on its own) when the editor's version is not the saved one.
    /// </summary>
    public static async Task CheckVersionAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, Appointment appointment, Guid version,
        AuditAction action, CancellationToken ct)
    {
        if (appointment.Version != version)
        {
            await StaleAsync(db, audit, logger, appointment.Id, appointment.PatientId, action, ct);
        }
    }

    /// <summary>Saves; when another save won the race, records the failed attempt and throws the stale rule error.</summary>
    public static async Task SaveAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, Appointment appointment, AuditAction action,
        CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await StaleAsync(db, audit, logger, appointment.Id, appointment.PatientId, action, ct);
        }
    }

    public static async Task StaleAsync(SpasmCareDbContext db, AuditLog audit, ILogger logger, Guid appointmentId, Guid patientId,
        AuditAction action, CancellationToken ct)
    {
        logger.AppointmentStale(appointmentId, action);
        db.ChangeTracker.Clear();
        audit.Record(action, Subject, appointmentId.ToString(), patientId, AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
        await db.SaveChangesAsync(ct);
        throw new RuleException("appointment.stale", StaleMessage);
    }

    /// <summary>A rule error for an action the appointment's status does not allow.</summary>
    public static RuleException NotNow(string message) => new("appointment.status", message);

    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "Did not attend",
        _ => status.ToString(),
    };

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Reserved ToReserved((ScheduleResource? Room, ScheduleResource? Theatre, ScheduleResource? Anaesthetist) chosen) =>
        new(chosen.Room, chosen.Theatre, chosen.Anaesthetist);
}
