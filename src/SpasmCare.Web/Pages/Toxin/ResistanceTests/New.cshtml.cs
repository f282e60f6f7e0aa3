using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.ResistanceTests;

/// <summary>Records a frontalis, EDB or antibody test for possible secondary non-response (doctors).</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class NewModel(ResistanceTestSave.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public ResistanceTestInput Input { get; set; } = new();

    public VisitPatient Patient { get; private set; } = null!;

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct)
    {
        audit.Attempt(AuditAction.PatientRead, patientId, "Patient", null);
        if (!await LoadAsync(patientId, ct))
        {
            return NotFound();
        }

        Input = new ResistanceTestInput { Kind = ResistanceTestKind.Frontalis, PerformedOn = clock.Today };
        return Page();
    }

    [Audited(AuditAction.ResistanceTestRecorded, ResistanceTestSave.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, ct))
        {
            audit.Attempt(AuditAction.ResistanceTestRecorded, patientId, "Patient", null);
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.ResistanceTestRecorded, patientId, "Patient", null);
            return Page();
        }

        ResistanceTest? test;
        try
        {
            test = await handler.RecordAsync(patientId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ResistanceTestRecorded, patientId, "Patient", null);
            throw;
        }

        if (test is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Resistance test saved.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }

    private async Task<bool> LoadAsync(Guid patientId, CancellationToken ct)
    {
        if (await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return false;
        }

        Patient = patient;
        ViewData["Products"] = await ResistanceTestSave.ProductsAsync(db, null, ct);
        return true;
    }
}
