using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// A practitioner's appointments as an iCalendar (RFC 5545) feed for ordinary calendar apps, at a secret address
/// <c>/Calendar/{token}.ics</c>. The token is 32 random bytes (base64url); only its SHA-256 is stored, so the address
/// is shown once. A new token revokes the old; a revoked token reads as not found at once. The feed leaves the
/// clinic, so it names the appointment type and the patient's initials only: no names, no MRNs.
/// </summary>
public static class CalendarFeed
{
    public const int DaysBack = 30;
    public const int DaysAhead = 180;

    public static string Url(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/Calendar/{token}.ics";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>"R.K." for Ramesh Kulkarni: the first letter of each part of the name.</summary>
    public static string Initials(string givenName, string familyName) =>
        string.Concat((givenName + " " + familyName).Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + "."));

    public sealed record Status(DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);

    /// <summary>The live token of a practitioner, if any.</summary>
    public static async Task<Status?> LiveAsync(SpasmCareDbContext db, Guid resourceId, CancellationToken ct) =>
        await db.CalendarFeedTokens.AsNoTracking().Where(t => t.ResourceId == resourceId && t.RevokedAtUtc == null)
            .OrderByDescending(t => t.CreatedAtUtc).Select(t => new Status(t.CreatedAtUtc, t.LastUsedAtUtc)).FirstOrDefaultAsync(ct);

    /// <summary>Makes a new token for a practitioner (revoking any live one) and returns it: the only time it is seen.</summary>
    public sealed class Issue(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    {
        public async Task<string> HandleAsync(Guid resourceId, CancellationToken ct)
        {
            var now = Clock.UtcNow(time);
            var revoked = await RevokeLiveAsync(db, resourceId, user.UserId, now, ct);
            var token = NewToken();
            var row = new CalendarFeedToken { ResourceId = resourceId, TokenHash = Hash(token), CreatedAtUtc = now, CreatedBy = user.UserId };
            db.CalendarFeedTokens.Add(row);
            audit.Record(AuditAction.CalendarFeedCreated, "ScheduleResource", resourceId.ToString(),
                detail: revoked > 0 ? "replaces the previous address" : null);
            await db.SaveChangesAsync(ct);
            return token;
        }
    }

    public sealed class Revoke(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time)
    {
        /// <summary>False when there was no live token.</summary>
        public async Task<bool> HandleAsync(Guid resourceId, CancellationToken ct)
        {
            if (await RevokeLiveAsync(db, resourceId, user.UserId, Clock.UtcNow(time), ct) == 0)
            {
                return false;
            }

            audit.Record(AuditAction.CalendarFeedRevoked, "ScheduleResource", resourceId.ToString());
            await db.SaveChangesAsync(ct);
            return true;
        }
    }

    private static async Task<int> RevokeLiveAsync(SpasmCareDbContext db, Guid resourceId, Guid? by, DateTime now, CancellationToken ct)
    {
        var live = await db.CalendarFeedTokens.Where(t => t.ResourceId == resourceId && t.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var t in live)
        {
            t.RevokedAtUtc = now;
            t.RevokedBy = by;
        }

        return live.Count;
    }

    /// <summary>Reads the feed of a live token (null for an unknown or revoked one), and records the read.</summary>
    public sealed class Read(SpasmCareDbContext db, AuditLog audit, TimeProvider time)
    {
        public async Task<string?> HandleAsync(string token, CancellationToken ct)
        {
            if (token.Length is < 40 or > 64)
            {
                return null;
            }

            var hash = Hash(token);
            var row = await db.CalendarFeedTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUtc == null, ct);
            if (row is null)
            {
                return null;
            }

            var practitioner = await db.ScheduleResources.AsNoTracking().FirstAsync(r => r.Id == row.ResourceId, ct);
            var now = Clock.UtcNow(time);
            var since = now.AddDays(-DaysBack);
            var to = now.AddDays(DaysAhead);
            var id = row.ResourceId;
            var events = await (from a in db.Appointments.AsNoTracking()
                                join p in db.Patients on a.PatientId equals p.Id
                                join t in db.AppointmentTypes on a.TypeId equals t.Id
                                join s in db.Sites on a.SiteId equals s.Id
                                where (a.PractitionerId == id || a.AnaesthetistId == id)
                                      && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn)
                                      && a.StartUtc < to && a.EndUtc > since
                                orderby a.StartUtc
                                select new Event(a.Id, a.StartUtc, a.EndUtc, a.RescheduleCount, t.Name, p.GivenName, p.FamilyName, s.Name, a.Status, a.UpdatedAtUtc))
                .ToListAsync(ct);
            row.LastUsedAtUtc = now;
            audit.Record(AuditAction.CalendarFeedRead, "ScheduleResource", id.ToString(), detail: $"calendar feed, {events.Count} appointments");
            await db.SaveChangesAsync(ct);
            return Write(practitioner.Name, events, now);
        }
    }

    public sealed record Event(Guid Id, DateTime StartUtc, DateTime EndUtc, int Sequence, string Type, string GivenName, string FamilyName,
        string Site, AppointmentStatus Status, DateTime UpdatedAtUtc);

    /// <summary>The calendar text: CRLF line ends, lines folded at 75 octets, text values escaped (RFC 5545 §3.1, §3.3.11).</summary>
    public static string Write(string calendarName, IEnumerable<Event> events, DateTime nowUtc)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//SpasmCare//Practitioner calendar//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape("SpasmCare: " + calendarName));
        Line(sb, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(sb, "X-PUBLISHED-TTL:PT1H");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Id.ToString("D") + "@spasmcare");
            Line(sb, "DTSTAMP:" + Utc(nowUtc));
            Line(sb, "DTSTART:" + Utc(e.StartUtc));
            Line(sb, "DTEND:" + Utc(e.EndUtc));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "LAST-MODIFIED:" + Utc(e.UpdatedAtUtc));
            Line(sb, "SUMMARY:" + Escape($"{e.Type} – {Initials(e.GivenName, e.FamilyName)}"));
            Line(sb, "LOCATION:" + Escape(e.Site));
            Line(sb, "STATUS:CONFIRMED");
            Line(sb, "TRANSP:OPAQUE");
            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping: backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded at 75 octets (never inside a UTF-8 character), each piece ending CRLF.</summary>
    public static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        var index = 0;
        while (index < line.Length)
        {
            var length = char.IsHighSurrogate(line[index]) && index + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }

            sb.Append(line, index, length);
            octets += size;
            index += length;
        }

        sb.Append("\r\n");
    }
}
