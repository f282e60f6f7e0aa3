using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Patients;

public sealed class DetailsModel(GetPatient.Handler handler, SpasmCareDbContext db, ClinicTime clock) : PageModel
{
    public sealed record HistoryRow(DateTime At, PatientChange Change, string By, IReadOnlyList<string> Fields);

    public ClinicTime Clock => clock;
    public PatientDetails? Patient { get; private set; }
    public List<HistoryRow> History { get; } = [];
    public bool Printing { get; private set; }

    [Audited(AuditAction.PatientRead)]
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, AuditAction.PatientRead, ct);

    [Audited(AuditAction.PatientPrinted)]
    public Task<IActionResult> OnGetPrintAsync(Guid id, CancellationToken ct)
    {
        Printing = true;
        return LoadAsync(id, AuditAction.PatientPrinted, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, AuditAction action, CancellationToken ct)
    {
        Patient = await handler.HandleAsync(id, action, ct);
        if (Patient is null)
        {
            return NotFound();
        }

        var revisions = await db.PatientRevisions.AsNoTracking()
            .Where(r => r.PatientId == id)
            .OrderBy(r => r.RecordedAtUtc).ThenBy(r => r.Id)
            .ToListAsync(ct);
        PatientInput? previous = null;
        foreach (var r in revisions)
        {
            var snapshot = r.ReadSnapshot();
            var fields = previous is null ? [] : PatientDiff.Between(previous, snapshot).Select(c => c.Label).ToList();
            History.Add(new HistoryRow(r.RecordedAtUtc, r.Change, r.RecordedByName, fields));
            previous = snapshot;
        }

        History.Reverse();
        await LoadOutcomesAsync(id, ct);
        await LoadWorkupAsync(id, ct);
        return Page();
    }

    // Outcomes card (Scales helper): rating scales, change since the previous score, charts. Doctors and nurses only.
    public Features.Assessments.ScaleHistory.Outcomes? Outcomes { get; private set; }

    private async Task LoadOutcomesAsync(Guid id, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        if ((await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, Policies.Clinical)).Succeeded)
        {
            Outcomes = await services.GetRequiredService<Features.Assessments.ScaleHistory.Query>().OutcomesAsync(id, ct);
        }
    }

    // Diagnoses card, header diagnosis line and investigations section (Workup helper). Doctors and nurses only;
    // the page's PatientRead audit row covers them. Recording and changing diagnoses is for doctors.
    public Features.Workup.PatientWorkup? Workup { get; private set; }

    public bool CanDiagnose { get; private set; }

    private async Task LoadWorkupAsync(Guid id, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var authorization = services.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(User, Policies.Clinical)).Succeeded)
        {
            Workup = await services.GetRequiredService<Features.Workup.PatientWorkup.Query>().LoadAsync(id, ct);
            CanDiagnose = (await authorization.AuthorizeAsync(User, Policies.Doctor)).Succeeded;
        }
    }
}
