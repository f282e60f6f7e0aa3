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

    public string Show(DateTime utc) =>
        Local(utc).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
