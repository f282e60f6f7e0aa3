using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// No double-booking of a theatre (same hospital and theatre) or of a surgeon in overlapping times. Kept in one
/// small place so that the scheduling module can take it over. Two requests for one slot are made to queue: call
/// <see cref="LockAsync"/> inside the booking's transaction, then <see cref="ClashAsync"/>, then save and commit.
/// On PostgreSQL the lock is a transaction-scoped advisory lock per theatre and per surgeon, taken in a fixed order
/// so two bookings never wait on each other crosswise; on SQLite the transaction's <c>BEGIN IMMEDIATE</c> already
/// holds the single writer lock, so the check and the write of one booking cannot interleave with another's.
/// </summary>
public static class TheatreBookings
{
    /// <summary>The longest booking: also how far back a booking can start and still reach into a slot.</summary>
    public const int MaxMinutes = 16 * 60;

    public sealed record Slot(Guid HospitalSiteId, string Theatre, Guid SurgeonId, DateTime StartUtc, int Minutes)
    {
        public DateTime EndUtc => StartUtc.AddMinutes(Minutes);
    }

    /// <summary>Another booked case in the way: in the same theatre, with the same surgeon, or both.</summary>
    public sealed record Clash(Guid CaseId, bool SameTheatre, bool SameSurgeon, DateTime StartUtc, int Minutes);

    /// <summary>How a theatre name is stored and compared: trimmed, inner spaces collapsed; compared ignoring case.</summary>
    public static string NormaliseTheatre(string theatre) =>
        string.Join(' ', theatre.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static Task LockAsync(SpasmCareDbContext db, Slot slot, CancellationToken ct) =>
        ScheduleConflicts.LockAsync(db, [ScheduleConflicts.TheatreKey(slot.HospitalSiteId, slot.Theatre), ScheduleConflicts.SurgeonKey(slot.SurgeonId)], ct);

    /// <summary>The earliest booked case (other than <paramref name="caseId"/>) that overlaps the slot's theatre or surgeon.</summary>
    public static async Task<Clash?> ClashAsync(SpasmCareDbContext db, Guid caseId, Slot slot, CancellationToken ct)
    {
        var from = slot.StartUtc.AddMinutes(-MaxMinutes);
        var end = slot.EndUtc;
        var candidates = await db.MvdCases.AsNoTracking()
            .Where(c => c.Id != caseId && c.Status == MvdCaseStatus.Booked && c.ScheduledStartUtc != null && c.ScheduledMinutes != null)
            .Where(c => c.HospitalSiteId == slot.HospitalSiteId || c.SurgeonId == slot.SurgeonId)
            .Where(c => c.ScheduledStartUtc < end && c.ScheduledStartUtc > from)
            .Select(c => new { c.Id, c.HospitalSiteId, c.Theatre, c.SurgeonId, Start = c.ScheduledStartUtc!.Value, Minutes = c.ScheduledMinutes!.Value })
            .ToListAsync(ct);
        var theatre = NormaliseTheatre(slot.Theatre);
        var appointments = await AppointmentClashesAsync(db, slot, theatre, ct);
        return candidates
            .Where(c => c.Start < end && c.Start.AddMinutes(c.Minutes) > slot.StartUtc)
            .Select(c => new Clash(
                c.Id,
                c.HospitalSiteId == slot.HospitalSiteId && string.Equals(NormaliseTheatre(c.Theatre ?? ""), theatre, StringComparison.OrdinalIgnoreCase),
                c.SurgeonId == slot.SurgeonId,
                c.Start,
                c.Minutes))
            .Where(c => c.SameTheatre || c.SameSurgeon)
            .Concat(appointments)
            .OrderBy(c => c.StartUtc)
            .FirstOrDefault();
    }

    /// <summary>
    /// Appointments in the way (see <see cref="ScheduleConflicts"/>): with the surgeon's practitioner resource, or in
    /// the theatre resource of that hospital with the same name. <see cref="Clash.CaseId"/> is then the appointment's id.
    /// </summary>
    private static async Task<List<Clash>> AppointmentClashesAsync(SpasmCareDbContext db, Slot slot, string theatre, CancellationToken ct)
    {
        var resources = await db.ScheduleResources.AsNoTracking()
            .Where(r => (r.Kind == ResourceKind.Practitioner && r.UserId == slot.SurgeonId)
                || (r.Kind == ResourceKind.Theatre && r.SiteId == slot.HospitalSiteId))
            .ToListAsync(ct);
        var surgeonIds = resources.Where(r => r.Kind == ResourceKind.Practitioner).Select(r => r.Id).ToList();
        var theatreIds = resources
            .Where(r => r.Kind == ResourceKind.Theatre && string.Equals(NormaliseTheatre(r.Name), theatre, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Id).ToList();
        if (surgeonIds.Count == 0 && theatreIds.Count == 0)
        {
            return [];
        }

        var start = slot.StartUtc;
        var end = slot.EndUtc;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn)
            .Where(a => a.StartUtc < end && a.EndUtc > start)
            .Where(a => surgeonIds.Contains(a.PractitionerId) || (a.TheatreId != null && theatreIds.Contains(a.TheatreId.Value)))
            .Select(a => new { a.Id, a.PractitionerId, a.TheatreId, a.StartUtc, a.EndUtc })
            .ToListAsync(ct);
        return appointments
            .Select(a => new Clash(a.Id, a.TheatreId is { } t && theatreIds.Contains(t), surgeonIds.Contains(a.PractitionerId), a.StartUtc,
                (int)(a.EndUtc - a.StartUtc).TotalMinutes))
            .ToList();
    }
}
