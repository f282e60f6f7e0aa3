using System.Globalization;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// A visit's wall-clock time is entered and shown in its site's time zone (a site may be in another zone than the
/// clinic); it is stored in UTC.
/// </summary>
public static class VisitTime
{
    /// <summary>
    /// The UTC instant of a local date and time at a site, or null when that local time does not exist there
    /// (skipped by a clock change).
    /// </summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly time, string zoneId)
    {
        var zone = Zone(zoneId);
        var local = date.ToDateTime(new TimeOnly(time.Hour, time.Minute), DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime Local(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zoneId));

    /// <summary>As <c>ClinicTime.Show</c> writes times ("3 Nov 2026, 10:30"), in the site's zone.</summary>
    public static string Show(DateTime utc, string zoneId) =>
        Local(utc, zoneId).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A site's zone; none, or an unknown one (a host without that zone), falls back to the default.</summary>
    public static TimeZoneInfo Zone(string? zoneId)
    {
        // Site time zones are checked when saved.
        return !string.IsNullOrWhiteSpace(zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(Sites.Site.DefaultTimeZone);
    }
}
