using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Schedule;

/// <summary>
/// What the calendar pages share: the site filter (remembered, see <see cref="SiteFilter"/>), an optional
/// practitioner, the date, and links that keep them all when moving between days, weeks and views.
/// </summary>
public abstract class SchedulePageModel(CalendarViews.Query query, SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PractitionerId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    /// <summary>An appointment type code carried through to the booking links.</summary>
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    public List<Site> Sites { get; private set; } = [];
    public List<ScheduleResource> Practitioners { get; private set; } = [];
    public Site? Site { get; private set; }
    public ScheduleResource? Practitioner { get; private set; }
    public Guid? MyPractitionerId { get; private set; }
    public DateOnly Day { get; private set; }

    protected CalendarViews.Query Views => query;

    /// <summary>Loads the filter; false when the practitioner asked for does not exist.</summary>
    protected async Task<bool> LoadFilterAsync(CancellationToken ct)
    {
        var all = await query.SitesAsync(ct);
        Sites = all.Where(s => s.IsActive).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var practitioners = await query.PractitionersAsync(ct);
        Practitioners = practitioners.Where(p => p.IsActive || p.Id == PractitionerId).ToList();
        var me = user.UserId;
        MyPractitionerId = practitioners.FirstOrDefault(p => me is not null && p.UserId == me)?.Id;
        Site = SiteFilter.Choose(HttpContext, SiteId, all);
        if (PractitionerId is { } pid)
        {
            Practitioner = practitioners.FirstOrDefault(p => p.Id == pid);
            if (Practitioner is null)
            {
                return false;
            }
        }

        var zone = Site?.TimeZoneId ?? Features.Sites.Site.DefaultTimeZone;
        Day = Date ?? DateOnly.FromDateTime(VisitTime.Local(Clock.UtcNow(time), zone));
        AllSites = all;
        return true;
    }

    /// <summary>Every site, open or closed (a practitioner's appointments may be at one closed since).</summary>
    protected List<Site> AllSites { get; private set; } = [];

    /// <summary>One audit row for the whole view: whose schedule, which days, how many appointments were shown.</summary>
    protected async Task RecordViewAsync(AuditAction action, string days, int appointments, CancellationToken ct)
    {
        var (subject, id) = Practitioner is { } p ? ("ScheduleResource", p.Id) : ("Site", Site!.Id);
        audit.Record(action, subject, id.ToString(), detail: $"{days}, {appointments} appointment{(appointments == 1 ? "" : "s")}");
        await db.SaveChangesAsync(ct);
    }

    public string Link(string page, DateOnly date, bool practitioner = true) =>
        $"/Schedule{(page.Length == 0 ? "" : "/" + page)}?{Query(date, practitioner)}";

    private string Query(DateOnly date, bool practitioner)
    {
        var parts = new List<string>();
        if (Site is not null)
        {
            parts.Add("siteId=" + Site.Id);
        }

        if (practitioner && Practitioner is not null)
        {
            parts.Add("practitionerId=" + Practitioner.Id);
        }

        parts.Add("date=" + CalendarViews.Iso(date));
        if (!string.IsNullOrEmpty(Type))
        {
            parts.Add("type=" + Uri.EscapeDataString(Type));
        }

        return string.Join("&", parts);
    }

    public string BookLink(Guid siteId, Guid practitionerId, DateOnly date, TimeOnly at) =>
        "/Schedule/Book?siteId=" + siteId + "&practitionerId=" + practitionerId + "&date=" + CalendarViews.Iso(date)
        + "&time=" + at.ToString("HH:mm", CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(Type) ? "" : "&type=" + Uri.EscapeDataString(Type));

    public static string StatusLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string StatusClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Cancelled => "tag appt-cancelled",
        AppointmentStatus.NoShow => "tag warn",
        AppointmentStatus.CheckedIn => "tag ok",
        _ => "tag",
    };
}
