using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery;

/// <summary>
/// The patient page's Surgery card: the patient's MVD cases with status and key dates, and "Refer for MVD" for
/// doctors. Doctors and nurses only (the front desk and an admin account see nothing); its read (when there
/// are cases) is audited as <see cref="AuditAction.MvdCaseRead"/>.
/// </summary>
public sealed class SurgerySummaryViewComponent(SpasmCareDbContext db, IAuthorizationService authorization, AuditLog audit, AuditWriter writer)
    : ViewComponent
{
    public sealed record CaseRow(
        Guid Id, MvdCaseStatus Status, DateTime ReferredAtUtc, DateTime? ScheduledStartUtc, DateTime? OperatedAtUtc,
        DateTime? DischargedAtUtc, string? Hospital, string? TimeZoneId, bool IsRedo);

    public sealed record Model(Guid PatientId, IReadOnlyList<CaseRow> Cases, bool CanRefer)
    {
        public string Show(DateTime? utc, string? timeZoneId) =>
            utc is { } u ? PathwayLabels.Date(DateOnly.FromDateTime(MvdCaseRules.ToLocal(u, MvdCaseRules.Zone(timeZoneId)))) : "—";
    }

    public async Task<IViewComponentResult> InvokeAsync(Guid patientId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Clinical)).Succeeded)
        {
            return Content("");
        }

        var ct = HttpContext.RequestAborted;
        var cases = await (
                from c in db.MvdCases.AsNoTracking()
                where c.PatientId == patientId
                join s in db.Sites.AsNoTracking() on c.HospitalSiteId equals s.Id into sites
                from s in sites.DefaultIfEmpty()
                join o in db.MvdOperations.AsNoTracking() on c.Id equals o.CaseId into operations
                from o in operations.DefaultIfEmpty()
                select new CaseRow(c.Id, c.Status, c.ReferredAtUtc, c.ScheduledStartUtc, o == null ? null : o.StartedAtUtc,
                    c.DischargedAtUtc, s == null ? null : s.Name, s == null ? null : s.TimeZoneId, c.RedoOfCaseId != null))
            .ToListAsync(ct);
        if (cases.Count > 0)
        {
            // A view component renders after the page's audit filter has committed the page's reads, so this read is
            // committed here, as the toxin card does.
            audit.Read(AuditAction.MvdCaseRead, patientId, "Patient");
            await writer.WriteAsync(audit.TakeReads(StatusCodes.Status200OK), ct);
        }

        var canRefer = (await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.Doctor)).Succeeded;
        return View(new Model(patientId, cases.OrderByDescending(c => c.ReferredAtUtc).ToList(), canRefer));
    }
}
