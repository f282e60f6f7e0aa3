using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Patients;

public sealed class EditModel(UpdatePatient.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdatePatient.Request Input { get; set; } = new();

    public Guid Id { get; private set; }
    public string Mrn { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UpdatePatient.Conflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return NotFound();
        }

        audit.Read(AuditAction.PatientRead, id);
        Show(patient);
        Input = new UpdatePatient.Request { Patient = patient.ToInput(), Version = patient.Version };
        return Page();
    }

    [Audited(AuditAction.PatientUpdated)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is null)
        {
            return NotFound();
        }

        Show(patient);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(id, Input, ct);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            // The form now shows the merge (their changes plus the user's own), to be saved against the stored version.
            ModelState.Clear();
            Input = new UpdatePatient.Request { Patient = conflict.Merged, Version = conflict.CurrentVersion };
            ModelState.AddModelError("", "Someone else changed this patient after you opened it. Nothing was saved.");
            return Page();
        }

        TempData["Status"] = "Changes saved.";
        return RedirectToPage("Details", new { id });
    }

    private void Show(Patient patient)
    {
        Id = patient.Id;
        Mrn = patient.Mrn;
        Name = PatientFormats.FullName(patient.GivenName, patient.FamilyName);
    }
}
