using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Visits;

public sealed class NewModel(
    RecordVisit.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock, VisitClinicians clinicians,
    TimeProvider time) : PageModel, IVisitForm
{
    [BindProperty] public VisitInput Input { get; set; } = new();

    public VisitPatient? Patient { get; private set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<VisitClinician> Clinicians { get; private set; } = [];

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct)
    {
        audit.Read(AuditAction.PatientRead, patientId);
        if (!await LoadAsync(patientId, ct))
        {
            return NotFound();
        }

        var site = await DefaultSiteAsync(ct);
        var now = Clock.UtcNow(time);
        var local = site is null ? clock.Local(now) : VisitTime.Local(now, site.TimeZoneId);
        var seenBefore = await db.Visits.AnyAsync(v => v.PatientId == patientId && !v.EnteredInError, ct);
        Input = new VisitInput
        {
            Date = DateOnly.FromDateTime(local),
            Time = new TimeOnly(local.Hour, local.Minute - (local.Minute % 5)),
            SiteId = site?.Id,
            ClinicianId = clinicians.CurrentId(),
            Type = seenBefore ? VisitType.FollowUp : VisitType.NewConsultation,
        };
        return Page();
    }

    [Audited(AuditAction.VisitCreated)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, ct))
        {
            audit.Read(AuditAction.VisitCreated, patientId);
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var visit = await handler.HandleAsync(patientId, Input, ct);   // rule errors come back as form errors
        if (visit is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Visit recorded.";
        return Redirect($"/Patients/{patientId}/Visits/{visit.Id}");
    }

    private async Task<bool> LoadAsync(Guid patientId, CancellationToken ct)
    {
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        if (Patient is null)
        {
            return false;
        }

        Sites = await SiteList.ActiveAsync(db, ct);
        Clinicians = await clinicians.ListAsync(ct);
        return true;
    }

    /// <summary>The first open site the signed-in user works at, or else the first open site.</summary>
    private async Task<Site?> DefaultSiteAsync(CancellationToken ct)
    {
        if (clinicians.CurrentId() is { } me)
        {
            var mine = await db.UserSites.AsNoTracking().Where(u => u.UserId == me).Select(u => u.SiteId).ToListAsync(ct);
            if (Sites.FirstOrDefault(s => mine.Contains(s.Id)) is { } site)
            {
                return site;
            }
        }

        return Sites.Count > 0 ? Sites[0] : null;
    }
}
