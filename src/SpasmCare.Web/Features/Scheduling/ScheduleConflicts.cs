using System.Security.Cryptography;
using System.Text;
using SpasmCare.Clinical.Scheduling;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// No double booking of a practitioner, room, theatre or anaesthetist, by appointments or by booked MVD cases, also
/// under concurrent requests. A booking (or a move) calls <see cref="LockAsync"/> inside its transaction with the keys
/// of every resource it might take, then looks at what is taken (<see cref="TakenAsync"/>), then saves and commits.
/// On PostgreSQL each key is a transaction-scoped advisory lock, taken in one fixed order (by the lock number) so two
/// bookings never wait on each other crosswise; on SQLite the transaction's <c>BEGIN IMMEDIATE</c> already holds the
/// single writer lock, so the check and the write of one booking cannot interleave with another's. The MVD theatre
/// booking (<see cref="TheatreBookings"/>) uses the same keys for its surgeon and theatre, so the two sides queue
/// for each other.
/// </summary>
public static class ScheduleConflicts
{
    public const string TakenMessage = "This slot was just taken: choose another time.";

    /// <summary>A practitioner who signs in is locked under their account (an MVD surgeon is one); others under the resource.</summary>
    public static string PractitionerKey(Guid resourceId, Guid? userId) =>
        userId is { } user ? SurgeonKey(user) : "practitioner:" + resourceId.ToString("N");

    public static string SurgeonKey(Guid userId) => "surgeon:" + userId.ToString("N");

    /// <summary>A theatre is named freely on an MVD case, so it is locked by site and normalised name.</summary>
    public static string TheatreKey(Guid siteId, string theatre) =>
        "theatre:" + siteId.ToString("N") + ":" + TheatreBookings.NormaliseTheatre(theatre).ToUpperInvariant();

    public static string RoomKey(Guid roomId) => "room:" + roomId.ToString("N");

    /// <summary>The lock key of a resource, as every booking path spells it.</summary>
    public static string KeyOf(ScheduleResource resource) => resource.Kind switch
    {
        ResourceKind.Practitioner => PractitionerKey(resource.Id, resource.UserId),
        ResourceKind.Theatre => TheatreKey(resource.SiteId ?? Guid.Empty, resource.Name),
        _ => RoomKey(resource.Id),
    };

    /// <summary>Takes the transaction-scoped locks of <paramref name="keys"/> (PostgreSQL; a no-op on SQLite, see above).</summary>
    public static async Task LockAsync(SpasmCareDbContext db, IEnumerable<string> keys, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var key in keys.Distinct(StringComparer.Ordinal).Select(LockNumber).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// <summary>
    /// When each of <paramref name="resources"/> is taken between <paramref name="fromUtc"/> and <paramref name="toUtc"/>:
    /// by appointments that hold their resources (other than <paramref name="exceptAppointmentId"/>, the one being
    /// moved) and by booked MVD cases (their surgeon's practitioner, their theatre by site and name).
    /// </summary>
    public static async Task<Dictionary<Guid, List<Busy>>> TakenAsync(SpasmCareDbContext db, IReadOnlyCollection<ScheduleResource> resources,
        DateTime fromUtc, DateTime toUtc, Guid? exceptAppointmentId, CancellationToken ct)
    {
        var taken = resources.Select(r => r.Id).Distinct().ToDictionary(id => id, _ => new List<Busy>());
        if (taken.Count == 0)
        {
            return taken;
        }

        var ids = taken.Keys.ToList();
        var except = exceptAppointmentId ?? Guid.Empty;
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.Id != except && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
            .Where(a => a.StartUtc < toUtc && a.EndUtc > fromUtc)
            .Where(a => ids.Contains(a.PractitionerId) || (a.RoomId != null && ids.Contains(a.RoomId.Value))
                || (a.TheatreId != null && ids.Contains(a.TheatreId.Value)) || (a.AnaesthetistId != null && ids.Contains(a.AnaesthetistId.Value)))
            .Select(a => new { a.StartUtc, a.EndUtc, a.PractitionerId, a.RoomId, a.TheatreId, a.AnaesthetistId })
            .ToListAsync(ct);
        foreach (var a in appointments)
        {
            foreach (var id in new[] { a.PractitionerId, a.RoomId, a.TheatreId, a.AnaesthetistId }.OfType<Guid>().Distinct())
            {
                if (taken.TryGetValue(id, out var list))
                {
                    list.Add(new Busy(a.StartUtc, a.EndUtc));
                }
            }
        }

        var surgeons = resources.Where(r => r.Kind == ResourceKind.Practitioner && r.UserId != null)
            .GroupBy(r => r.UserId!.Value).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
        var theatres = resources.Where(r => r.Kind == ResourceKind.Theatre && r.SiteId != null).ToList();
        if (surgeons.Count == 0 && theatres.Count == 0)
        {
            return taken;
        }

        var surgeonIds = surgeons.Keys.ToList();
        var siteIds = theatres.Select(t => t.SiteId!.Value).Distinct().ToList();
        var earliest = fromUtc.AddMinutes(-TheatreBookings.MaxMinutes);
        var cases = await db.MvdCases.AsNoTracking()
            .Where(c => c.Status == MvdCaseStatus.Booked && c.ScheduledStartUtc != null && c.ScheduledMinutes != null)
            .Where(c => c.ScheduledStartUtc < toUtc && c.ScheduledStartUtc > earliest)
            .Where(c => (c.SurgeonId != null && surgeonIds.Contains(c.SurgeonId.Value)) || (c.HospitalSiteId != null && siteIds.Contains(c.HospitalSiteId.Value)))
            .Select(c => new { c.SurgeonId, c.HospitalSiteId, c.Theatre, Start = c.ScheduledStartUtc!.Value, Minutes = c.ScheduledMinutes!.Value })
            .ToListAsync(ct);
        foreach (var c in cases)
        {
            var busy = new Busy(c.Start, c.Start.AddMinutes(c.Minutes));
            if (!busy.Overlaps(fromUtc, toUtc))
            {
                continue;
            }

            if (c.SurgeonId is { } surgeon && surgeons.TryGetValue(surgeon, out var practitioners))
            {
                practitioners.ForEach(p => taken[p].Add(busy));
            }

            var name = TheatreBookings.NormaliseTheatre(c.Theatre ?? "");
            foreach (var theatre in theatres.Where(t => t.SiteId == c.HospitalSiteId
                && string.Equals(TheatreBookings.NormaliseTheatre(t.Name), name, StringComparison.OrdinalIgnoreCase)))
            {
                taken[theatre.Id].Add(busy);
            }
        }

        return taken;
    }

    private static long LockNumber(string key) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0);
}
