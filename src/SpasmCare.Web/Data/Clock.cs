namespace SpasmCare.Web.Data;

/// <summary>
/// Instants as stored: UTC, truncated to whole microseconds so that SQLite and PostgreSQL (which keeps
/// microseconds) give back exactly what was written — the audit hash chain depends on it.
/// </summary>
public static class Clock
{
    public static DateTime UtcNow(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }
}
