namespace SpasmCare.Web.Hosting;

public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "SpasmCare Clinic";

    /// <summary>Times are stored in UTC and shown in this zone unless a site says otherwise.</summary>
    public string TimeZone { get; set; } = "Asia/Kolkata";
}

/// <summary>The clinic's local clock for display: stored instants are UTC.</summary>
public sealed class ClinicTime(TimeProvider time, Microsoft.Extensions.Options.IOptions<ClinicOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(Local(time.GetUtcNow().UtcDateTime));

    public DateTime StartOfTodayUtc => ToUtc(Today);

    /// <summary>The UTC instant at which a local calendar day starts.</summary>
    public DateTime ToUtc(DateOnly localDate) =>
        TimeZoneInfo.ConvertTimeToUtc(localDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);

    public DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The clinic's time zone, as configured (for example "Asia/Kolkata").</summary>
    public string TimeZoneId => _zone.Id;

    /// <summary>Now at the clinic, to the minute: the default of a date-and-time field.</summary>
    public DateTime LocalNow()
    {
        var local = Local(time.GetUtcNow().UtcDateTime);
        return new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>The UTC instant (to the second) of a clinic-local date and time; null when the clock skipped it.</summary>
    public DateTime? LocalToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            return null;
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    public string Show(DateTime utc) =>
        Local(utc).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
