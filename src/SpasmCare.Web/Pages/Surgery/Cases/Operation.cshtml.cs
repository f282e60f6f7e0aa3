using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>The operative record: recorded once by the surgeon, corrected later on the same page.</summary>
[Authorize(Policy = Policies.Doctor)]
[StaleCaseFilter]
public sealed class OperationModel(
    RecordOperation.Handler record, UpdateOperation.Handler update, MvdCaseView.Query query, AuditLog audit) : PageModel, IVersionedForm
{
    [BindProperty] public OperationInput Input { get; set; } = new();

    public MvdCaseView View { get; private set; } = null!;

    public bool Editing => View.Operation is not null;

    /// <summary>BAEP alarm criteria met by the values on the form.</summary>
    public IReadOnlyList<string> BaepAlarms => BaepAlarm.Evaluate(Input.BaepLatencyChangeMs, Input.BaepAmplitudeChangePercent);

    public void UseVersion(Guid version) => Input.Version = version;

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        Input = view.Operation is { } o
            ? OperationInput.From(o, view.Readings, view.Case.RedoCause, view.Zone)
            : OperationInput.For(view.Case, view.Zone);
        return Page();
    }

    /// <summary>Adds an empty row to the LSR timeline without saving (the way to add rows without JavaScript).</summary>
    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAddRowAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        ModelState.Clear();
        if (Input.Readings.Count < OperationInput.MaxRows)
        {
            Input.Readings.Add(new LsrRowInput());
        }

        return Page();
    }

    [Audited(AuditAction.MvdOperationRecorded, RecordOperation.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = Editing
            ? await update.HandleAsync(patientId, caseId, Input, ct)
            : await record.HandleAsync(patientId, caseId, Input, ct);
        if (saved is null)
        {
            return NotFound();
        }

        TempData["Status"] = Editing ? "Operation updated." : "Operation recorded. The follow-up visits are scheduled.";
        return RedirectToPage("Details", null, new { patientId, caseId }, "operation");
    }
}
