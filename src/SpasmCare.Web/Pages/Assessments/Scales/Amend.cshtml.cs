using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Scales;

/// <summary>Correct a score: a new row with a reason; the earlier one is kept and marked as amended.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class AmendModel(ScaleRecording.Handler handler, ScaleHistory.Query query, AuditLog audit, ClinicTime clock)
    : PageModel
{
    [BindProperty] public ScaleRecording.Request Input { get; set; } = new();

    public ScaleHistory.Patient Patient { get; private set; } = null!;
    public ScaleHistory.Details Original { get; private set; } = null!;
    public ScaleRecording.AmendConflict? Conflict { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ScaleScoreRead, "ScaleScore")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        var s = Original.Score;
        Input = new ScaleRecording.Request
        {
            Answers = s.ReadAnswers().ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal),
            Mode = s.Mode,
            AssessedAt = clock.Local(s.AssessedAtUtc),
            Version = s.InstrumentVersion,
        };
        return Page();
    }

    [Audited(AuditAction.ScaleScoreAmended, "ScaleScore")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, id, ct))
        {
            return NotFound();
        }

        foreach (var error in ScaleRecording.Check(Original.Definition, Input.Answers).Errors)
        {
            ModelState.AddModelError(NewModel.FieldKey(error.Field), error.Message);
        }

        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Say why the score is amended, such as \"item 3 entered as 4, patient said 2\".");
        }

        if (!ModelState.IsValid)
        {
            audit.Read(AuditAction.ScaleScoreAmended, patientId, "ScaleScore", id.ToString());
            return Page();
        }

        var rater = ScaleRecording.Rater.Of(User) ?? throw new InvalidOperationException("No signed-in user.");
        var outcome = await handler.AmendAsync(patientId, id, Input, rater, ct);
        if (outcome.Saved is not { } saved)
        {
            if (outcome.NotFound)
            {
                return NotFound();
            }

            Conflict = outcome.Conflict;
            if (Conflict is not null)
            {
                ModelState.AddModelError("", "Not saved: someone else amended this score after you opened it.");
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(NewModel.FieldKey(error.Field), error.Message);
            }

            audit.Read(AuditAction.ScaleScoreAmended, patientId, "ScaleScore", id.ToString());
            var page = Page();
            page.StatusCode = Conflict is null ? null : StatusCodes.Status409Conflict;
            return page;
        }

        TempData["Status"] = $"{Original.Definition.Name} amended: {ScaleFormats.TotalOfRange(Original.Definition, saved.Total)}. The earlier version is kept.";
        return RedirectToPage("Score", new { patientId, id = saved.Id });
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (await query.PatientAsync(patientId, ct) is not { } patient
            || await query.ScoreAsync(patientId, id, ct) is not { } original)
        {
            return false;
        }

        (Patient, Original) = (patient, original);
        return true;
    }
}
