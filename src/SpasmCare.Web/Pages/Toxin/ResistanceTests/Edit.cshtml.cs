using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.ResistanceTests;

/// <summary>Adds the reading and result of a resistance test, corrects it, or marks it entered in error (doctors).</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class EditModel(ResistanceTestSave.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public ResistanceTestSave.Request Input { get; set; } = new();

    public VisitPatient Patient { get; private set; } = null!;
    public ResistanceTest Test { get; private set; } = null!;
    public EditConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ResistanceTestRead, ResistanceTestSave.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        audit.Attempt(AuditAction.ResistanceTestRead, patientId, ResistanceTestSave.Subject, id);
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        Input = new ResistanceTestSave.Request { Test = ResistanceTestInput.From(Test), Version = Test.Version };
        return Page();
    }

    [Audited(AuditAction.ResistanceTestUpdated, ResistanceTestSave.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ResistanceTestUpdated, patientId, ResistanceTestSave.Subject, id);
            return NotFound();
        }

        if (!ModelState.IsValid || Test.EnteredInError)
        {
            audit.Attempt(AuditAction.ResistanceTestUpdated, patientId, ResistanceTestSave.Subject, id);
            return Page();
        }

        WorkupResult<ResistanceTest> result;
        try
        {
            result = await handler.UpdateAsync(patientId, id, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ResistanceTestUpdated, patientId, ResistanceTestSave.Subject, id);
            throw;
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.Remove("Input.Version");
            Input.Version = conflict.CurrentVersion;
            ModelState.AddModelError("", "Someone else changed this test after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Resistance test updated.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }

    /// <summary>Marks the test entered in error; only the version shown is needed, so the form's other fields are not checked.</summary>
    [Audited(AuditAction.ResistanceTestUpdated, ResistanceTestSave.Subject)]
    public async Task<IActionResult> OnPostEnteredInErrorAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            audit.Attempt(AuditAction.ResistanceTestUpdated, patientId, ResistanceTestSave.Subject, id);
            return NotFound();
        }

        var version = Input.Version;
        ModelState.Clear();
        Input = new ResistanceTestSave.Request { Test = ResistanceTestInput.From(Test), Version = Test.Version };
        try
        {
            if (await handler.EnteredInErrorAsync(patientId, id, version, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.ResistanceTestUpdated, patientId, ResistanceTestSave.Subject, id);
            throw;
        }

        TempData["Status"] = "The resistance test is marked as entered in error. It stays in the record.";
        return RedirectToPage("/Patients/Details", null, new { id = patientId }, "toxin");
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        var test = await db.ResistanceTests.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.PatientId == patientId, ct);
        if (test is null || await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return false;
        }

        Test = test;
        Patient = patient;
        ViewData["Products"] = await ResistanceTestSave.ProductsAsync(db, test.ProductId, ct);
        return true;
    }
}
