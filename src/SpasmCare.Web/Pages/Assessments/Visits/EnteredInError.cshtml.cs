using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Visits;

public sealed class EnteredInErrorModel(
    MarkVisitEnteredInError.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public MarkVisitEnteredInError.Request Input { get; set; } = new();

    public VisitPatient? Patient { get; private set; }
    public VisitView? View { get; private set; }

    [Audited(AuditAction.VisitRead, "Visit")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Read(AuditAction.VisitRead, patientId, "Visit", id.ToString());
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new MarkVisitEnteredInError.Request { Version = View!.Visit.Version };
        return Page();
    }

    [Audited(AuditAction.VisitEnteredInError, "Visit")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Read(AuditAction.VisitEnteredInError, patientId, "Visit", id.ToString());
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(patientId, id, Input, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "The visit is marked as entered in error. It is kept for the record.";
        return Redirect($"/Patients/{patientId}/Visits/{id}");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        Patient = await VisitPatient.FindAsync(db, clock, patientId, ct);
        View = Patient is null ? null : await VisitView.FindAsync(db, patientId, id, ct);
        return View is not null;
    }
}
