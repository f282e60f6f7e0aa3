using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>Refer a patient for MVD (a doctor's decision), pre-filled from the latest scores and imaging.</summary>
[Authorize(Policy = Policies.Doctor)]
public sealed class NewModel(ReferForMvd.Handler handler, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public ReferForMvd.Request Input { get; set; } = new();

    public WorkupPatient Patient { get; private set; } = null!;
    public ReferForMvd.Defaults Defaults { get; private set; } = null!;

    [Audited(AuditAction.MvdCaseRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid? redoOf, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, redoOf, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.ScaleScoreRead, patientId);
        var latest = Defaults.Studies.Count > 0 ? Defaults.Studies[0] : null;
        Input = new ReferForMvd.Request
        {
            SmcGrade = Defaults.SmcGrade,
            Hfs7 = Defaults.Hfs7,
            ImagingStudyId = latest?.Id,
            Side = Defaults.Redo?.Side ?? latest?.ContactSide switch
            {
                AffectedSide.Left => AffectedSide.Left,
                AffectedSide.Right => AffectedSide.Right,
                _ => AffectedSide.Unknown,
            },
            RedoOfCaseId = Defaults.Redo?.CaseId,
        };
        return Page();
    }

    [Audited(AuditAction.MvdReferred, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid? redoOf, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, redoOf ?? Input.RedoOfCaseId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var mvdCase = await handler.HandleAsync(patientId, Input, ct);
        if (mvdCase is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Referred for microvascular decompression. Next: the pre-operative checklist.";
        return RedirectToPage("Details", new { patientId, caseId = mvdCase.Id });
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid? redoOf, CancellationToken ct)
    {
        if (await WorkupPatient.FindAsync(db, patientId, ct) is not { } patient)
        {
            return false;
        }

        Patient = patient;
        Defaults = await ReferForMvd.DefaultsAsync(db, patientId, redoOf, ct);
        // A redo of a case that is not this patient's (or not operated) is not found, rather than silently a first operation.
        return redoOf is null || Defaults.Redo is not null;
    }
}
