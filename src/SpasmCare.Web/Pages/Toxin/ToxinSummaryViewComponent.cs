using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin;

/// <summary>
/// The patient page's botulinum toxin card: sessions with their response and duration, the next injection due and why,
/// the non-response prompts, resistance tests, open follow-ups, and a chart of dose, peak effect and duration of benefit
/// with the rating-scale scores on the same time axis. Doctors and nurses only (the front desk and an admin account see
/// nothing of it); reading it is audited as <see cref="AuditAction.ToxinHistoryViewed"/>.
/// </summary>
public sealed class ToxinSummaryViewComponent(
    ToxinHistory.Query history, ScaleHistory.Query scales, IAuthorizationService authorization, ClinicTime clock, AuditLog audit,
    AuditWriter writer) : ViewComponent
{
    public sealed record Model(
        Guid PatientId, ToxinHistory.History History, ToxinHistory.Chart Chart, string? DueReason, bool IsDoctor, DateOnly Today,
        ClinicTime Clock)
    {
        public bool HasChart => Chart.Sessions.Count > 0;
    }

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Clinical)).Succeeded)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var found = await history.ForPatientAsync(patientId, ct);
        var oldestFirst = found.NewestFirst.Reverse().ToList();
        var charts = new List<ScaleChart>();
        if (found.HasSessions)
        {
            var outcomes = await scales.OutcomesAsync(patientId, ct);
            var markers = ToxinHistory.Chart.Markers(oldestFirst);
            charts.AddRange(outcomes.Series.Select(s => ScaleChart.From(s, clock, markers)).Where(c => c.Points.Count > 0));
        }

        // A view component renders after the page's audit filter has committed the page's reads, so the reads made here
        // (the toxin history, the scale scores) are committed here, before any of it is written to the response.
        await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), ct);

        var isDoctor = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Doctor)).Succeeded;
        var reason = found.Next is { } next
            ? ToxinHistory.DueReason(next, oldestFirst[^1].Date, oldestFirst.Count(c => !c.IsBooster && c.BenefitDays is > 0))
            : null;
        return View(new Model(patientId, found, ToxinHistory.Chart.From(oldestFirst, charts, clock.TimeZoneId), reason, isDoctor,
            clock.Today, clock));
    }
}
