using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Visits;

public sealed class EditModel(
    UpdateVisit.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock, VisitClinicians clinicians)
    : PageModel, IVisitForm
{
    [BindProperty] public VisitInput Input { get; set; } = new();

    public VisitPatient? Patient { get; private set; }
    public VisitView? View { get; private set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<VisitClinician> Clinicians { get; private set; } = [];
    public UpdateVisit.Conflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.VisitRead, "Visit")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Read(AuditAction.VisitRead, patientId, "Visit", id.ToString());
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        if (View!.Visit.EnteredInError)
        {
            return Redirect($"/Patients/{patientId}/Visits/{id}");
        }

        Input = VisitInput.From(View.Visit, View.TimeZoneId);
        return Page();
    }

    [Audited(AuditAction.VisitUpdated, "Visit")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Read(AuditAction.VisitUpdated, patientId, "Visit", id.ToString());
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(patientId, id, Input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            // The form keeps what the editor typed, now against the stored version: saving again is a deliberate choice.
            ModelState.Remove($"{nameof(Input)}.{nameof(VisitInput.Version)}");
            Input.Version = conflict.CurrentVersion;
            ModelState.AddModelError("", "Someone else changed this visit after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Visit saved.";
        return Redirect($"/Patients/{patientId}/Visits/{id}");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        View = Patient is null ? null : await VisitView.FindAsync(db, patientId, id, ct);
        if (View is null)
        {
            return false;
        }

        var sites = (await SiteList.ActiveAsync(db, ct)).ToList();
        if (sites.All(s => s.Id != View.Visit.SiteId) && await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == View.Visit.SiteId, ct) is { } closed)
        {
            sites.Add(closed);
        }

        Sites = sites;
        var list = (await clinicians.ListAsync(ct)).ToList();
        if (list.All(c => c.Id != View.Visit.ClinicianId))
        {
            list.Add(new VisitClinician(View.Visit.ClinicianId, View.Visit.ClinicianName, ""));
        }

        Clinicians = list;
        return true;
    }
}
