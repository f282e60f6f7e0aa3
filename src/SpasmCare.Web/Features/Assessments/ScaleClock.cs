using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>The clinic's wall clock for forms: local date-time fields in, UTC instants stored.</summary>
public sealed class ScaleClock(TimeProvider time, IOptions<Hosting.ClinicOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string TimeZoneId => _zone.Id;

    /// <summary>Now at the clinic, to the minute: the default of an assessment time.</summary>
    public DateTime LocalNow()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, _zone);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The UTC instant of a clinic-local time; null when the clock skipped it.</summary>
    public DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
