using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Appointments;

/// <summary>
/// The patient page's "Appointments" card: upcoming appointments and the last few past ones, each linking to its
/// page, and "Book an appointment". For the front desk, doctors and nurses (the scheduling policy); its read is audited.
/// </summary>
public sealed class PatientAppointmentsViewComponent(
    SpasmCareDbContext db, IAuthorizationService authorization, AuditLog audit, AuditWriter writer, TimeProvider time) : ViewComponent
{
    public const int PastShown = 5;

    public sealed record Row(Guid Id, string TypeName, DateTime LocalStart, string TimeZoneId, string SiteName, string PractitionerName, AppointmentStatus Status);

    public sealed record Model(Guid PatientId, IReadOnlyList<Row> Upcoming, IReadOnlyList<Row> Past);

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Scheduling)).Succeeded)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var now = Clock.UtcNow(time);
        var rows = await (
                from a in db.Appointments.AsNoTracking()
                where a.PatientId == patientId
                join t in db.AppointmentTypes on a.TypeId equals t.Id
                join s in db.Sites on a.SiteId equals s.Id
                join p in db.ScheduleResources on a.PractitionerId equals p.Id
                select new { a.Id, TypeName = t.Name, a.StartUtc, a.EndUtc, s.TimeZoneId, SiteName = s.Name, PractitionerName = p.Name, a.Status })
            .ToListAsync(ct);
        var upcoming = rows.Where(r => r.EndUtc >= now && (r.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
            .OrderBy(r => r.StartUtc)
            .Select(r => new Row(r.Id, r.TypeName, VisitTime.Local(r.StartUtc, r.TimeZoneId), r.TimeZoneId, r.SiteName, r.PractitionerName, r.Status))
            .ToList();
        var upcomingIds = upcoming.Select(u => u.Id).ToHashSet();
        var past = rows.Where(r => !upcomingIds.Contains(r.Id) && r.StartUtc < now)
            .OrderByDescending(r => r.StartUtc)
            .Take(PastShown)
            .Select(r => new Row(r.Id, r.TypeName, VisitTime.Local(r.StartUtc, r.TimeZoneId), r.TimeZoneId, r.SiteName, r.PractitionerName, r.Status))
            .ToList();

        // A view component renders after the page's audit filter has committed the page's reads, so this read is
        // committed here, before any of it is written to the response.
        audit.Read(AuditAction.AppointmentsListed, patientId, AppointmentRules.Subject);
        await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), ct);
        return View(new Model(patientId, upcoming, past));
    }
}
