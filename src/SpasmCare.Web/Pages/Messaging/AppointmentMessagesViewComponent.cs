using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Pages.Messaging;

/// <summary>
/// The messages of an appointment (its reminders) and how each fared: channel, language, when due and sent, status,
/// attempts and the kind of the last failure. Front desk, doctors and nurses; its read is audited as
/// <see cref="AuditAction.AppointmentMessagesViewed"/>.
/// </summary>
public sealed class AppointmentMessagesViewComponent(SpasmCareDbContext db, IAuthorizationService authorization, AuditLog audit, AuditWriter writer)
    : ViewComponent
{
    public sealed record Row(MessageChannel Channel, string? Language, DateTime DueUtc, DateTime? SentAtUtc, OutboxStatus Status,
        int Attempts, string? LastError);

    public sealed record Model(IReadOnlyList<Row> Messages, string TimeZoneId)
    {
        public string Show(DateTime utc) => Features.Assessments.VisitTime.Show(utc, TimeZoneId);

        public static string Label(OutboxStatus status) => status switch
        {
            OutboxStatus.Pending => "Waiting",
            OutboxStatus.Sent => "Sent",
            OutboxStatus.Failed => "Refused for good",
            OutboxStatus.Cancelled => "Cancelled (appointment moved or cancelled)",
            OutboxStatus.Suppressed => "Not sent (patient opted out)",
            _ => status.ToString(),
        };
    }

    public async Task<IViewComponentResult> InvokeAsync(Guid appointmentId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Scheduling)).Succeeded)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var appointment = await (
                from a in db.Appointments.AsNoTracking()
                where a.Id == appointmentId
                join s in db.Sites.AsNoTracking() on a.SiteId equals s.Id
                select new { a.PatientId, s.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        if (appointment is null)
        {
            return Content("");
        }

        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AppointmentId == appointmentId)
            .Select(m => new Row(m.Channel, m.Language, m.NextAttemptAtUtc, m.SentAtUtc, m.Status, m.Attempts, m.LastError))
            .ToListAsync(ct);
        audit.Read(AuditAction.AppointmentMessagesViewed, appointment.PatientId, "Appointment", appointmentId.ToString());
        await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), ct);
        return View("~/Pages/Messaging/_AppointmentMessages.cshtml",
            new Model(rows.OrderBy(r => r.DueUtc).ThenBy(r => r.Channel).ToList(), appointment.TimeZoneId));
    }
}
