using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Patients;

public sealed class DetailsModel(
    GetPatient.Handler handler, SpasmCareDbContext db, ClinicTime clock, IAuthorizationService authorization,
    ScaleHistory.Query scales, PatientWorkup.Query workup) : PageModel
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

        // The clinical sections are for doctors and nurses; the page's PatientRead audit row covers them.
        if ((await authorization.AuthorizeAsync(User, Policies.Clinical)).Succeeded)
        {
            Outcomes = await scales.OutcomesAsync(id, ct);
            TreatmentMarkers = await TreatmentMarkersAsync(id, ct);
            Workup = await workup.LoadAsync(id, ct);
            CanDiagnose = (await authorization.AuthorizeAsync(User, Policies.Doctor)).Succeeded;
        }

        return Page();
    }

    /// <summary>Rating scales, the change since the previous score, charts.</summary>
    public ScaleHistory.Outcomes? Outcomes { get; private set; }

    /// <summary>Toxin sessions and operations, drawn as vertical lines on the rating-scale charts.</summary>
    public IReadOnlyList<ScaleChart.Marker> TreatmentMarkers { get; private set; } = [];

    private async Task<IReadOnlyList<ScaleChart.Marker>> TreatmentMarkersAsync(Guid patientId, CancellationToken ct)
    {
        var injections = await db.InjectionSessions.AsNoTracking()
            .Where(s => s.PatientId == patientId && !s.EnteredInError)
            .Select(s => s.InjectedAtUtc)
            .ToListAsync(ct);
        var operations = await db.MvdOperations.AsNoTracking()
            .Where(o => o.PatientId == patientId)
            .Select(o => o.StartedAtUtc)
            .ToListAsync(ct);
        return
        [
            .. injections.Select(at => new ScaleChart.Marker(ScaleChart.Milliseconds(at), "BoNT")),
            .. operations.Select(at => new ScaleChart.Marker(ScaleChart.Milliseconds(at), "MVD")),
        ];
    }

    /// <summary>Diagnoses (also in the header) and investigations.</summary>
    public PatientWorkup? Workup { get; private set; }

    /// <summary>Recording and changing diagnoses is for doctors.</summary>
    public bool CanDiagnose { get; private set; }
}
