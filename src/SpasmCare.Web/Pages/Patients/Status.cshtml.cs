using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Patients;

public sealed class StatusModel(ChangePatientStatus.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ChangePatientStatus.Request Input { get; set; } = new();

    public Guid Id { get; private set; }
    public string Mrn { get; private set; } = "";
    public string Name { get; private set; } = "";
    public bool IsActive { get; private set; }

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var patient = await LoadAsync(id, ct);
        if (patient is null)
        {
            return NotFound();
        }

        audit.Read(AuditAction.PatientRead, id);
        Input = new ChangePatientStatus.Request { Active = !patient.IsActive, Version = patient.Version };
        return Page();
    }

    [Audited(AuditAction.PatientDeactivated)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var patient = await handler.HandleAsync(id, Input, ct);
        if (patient is null)
        {
            return NotFound();
        }

        TempData["Status"] = patient.IsActive ? "The patient is active again." : "The patient is now inactive.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<Patient?> LoadAsync(Guid id, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (patient is not null)
        {
            Id = id;
            Mrn = patient.Mrn;
            Name = PatientFormats.FullName(patient.GivenName, patient.FamilyName);
            IsActive = patient.IsActive;
        }

        return patient;
    }
}
