using Microsoft.Extensions.Options;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>
/// "Unanswered for more than one working day": working days are Monday to Friday in the clinic's time zone (public
/// holidays are not known to SpasmCare yet). Time over a weekend does not count: an inquiry that arrives on Friday at
/// 10:00 is overdue after Monday 10:00, one that arrives on Saturday after the end of Monday.
/// </summary>
public sealed class WorkingDays(TimeProvider time, IOptions<ClinicOptions> clinic)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    /// <summary>Inquiries received before this instant (UTC) and still unanswered are overdue now.</summary>
    public DateTime OverdueCutoffUtc()
    {
        var nowLocal = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, _zone);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(OneWorkingDayBefore(nowLocal), DateTimeKind.Unspecified), _zone);
    }

    public bool IsOverdue(DateTime receivedAtUtc) => receivedAtUtc < OverdueCutoffUtc();

    /// <summary>
    /// The latest local time t such that what arrived before t has waited more than one working day at
    /// <paramref name="nowLocal"/>. Weekend time is folded onto the end of Friday.
    /// </summary>
    public static DateTime OneWorkingDayBefore(DateTime nowLocal)
    {
        // On a weekend the working clock stands at the end of Friday (Saturday 00:00).
        var t = nowLocal.DayOfWeek switch
        {
            DayOfWeek.Saturday => nowLocal.Date,
            DayOfWeek.Sunday => nowLocal.Date.AddDays(-1),
            _ => nowLocal,
        };
        var before = t.AddDays(-1);
        if (before.DayOfWeek == DayOfWeek.Sunday)
        {
            // From Monday back over the weekend to Friday, same time of day.
            before = before.AddDays(-2);
        }

        // Exactly Monday 00:00 is also Friday 24:00: what came in over the weekend has then waited exactly one
        // working day, not more, so the cut-off moves back to the start of the weekend.
        return before.DayOfWeek == DayOfWeek.Monday && before.TimeOfDay == TimeSpan.Zero ? before.AddDays(-2) : before;
    }
}
