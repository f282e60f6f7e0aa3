using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Scales;

/// <summary>Record a rating scale or questionnaire: the form is generated from the instrument's newest active version.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class NewModel(
    ScaleRecording.Handler handler, ScaleHistory.Query query, InstrumentLibrary library, AuditLog audit, ClinicTime clock)
    : PageModel
{
    [BindProperty] public ScaleRecording.Request Input { get; set; } = new();

    public ScaleHistory.Patient Patient { get; private set; } = null!;
    public InstrumentDefinition? Definition { get; private set; }
    public IReadOnlyList<InstrumentChoice> Choices { get; private set; } = [];
    public Guid? VisitId { get; private set; }
    public DateTime? VisitStartedAtUtc { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, string? instrument, Guid? visitId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, instrument, visitId, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.PatientRead, patientId);
        if (Definition is { } definition)
        {
            Input = new ScaleRecording.Request
            {
                Mode = ScaleFormats.DefaultMode(definition.Code),
                AssessedAt = clock.LocalNow(),
                Version = definition.Version,
                VisitId = visitId,
            };
        }

        return Page();
    }

    [Audited(AuditAction.ScaleScoreRecorded, "ScaleScore")]
    public async Task<IActionResult> OnPostAsync(Guid patientId, string? instrument, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, instrument, Input.VisitId, ct) || Definition is null)
        {
            return NotFound();
        }

        if (!string.Equals(Input.Version, Definition.Version, StringComparison.Ordinal)
            && await library.FindAsync(Definition.Code, Input.Version, ct) is { } posted
            && await library.IsActiveAsync(posted.Code, posted.Version, ct))
        {
            // Still offered: score against the version the form was made from.
            Definition = posted;
        }

        foreach (var error in ScaleRecording.Check(Definition, Input.Answers).Errors)
        {
            ModelState.AddModelError(FieldKey(error.Field), error.Message);
        }

        if (!ModelState.IsValid)
        {
            audit.Read(AuditAction.ScaleScoreRecorded, patientId);
            return Page();
        }

        var rater = ScaleRecording.Rater.Of(User) ?? throw new InvalidOperationException("No signed-in user.");
        var outcome = await handler.RecordAsync(patientId, Definition.Code, Input, rater, ct);
        if (outcome.Saved is not { } saved)
        {
            if (outcome.NotFound)
            {
                return NotFound();
            }

            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(FieldKey(error.Field), error.Message);
            }

            if (!string.Equals(Input.Version, Definition.Version, StringComparison.Ordinal))
            {
                // The posted version is gone: the form is rebuilt from the current one.
                ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
                Input.Version = Definition.Version;
            }

            audit.Read(AuditAction.ScaleScoreRecorded, patientId);
            return Page();
        }

        TempData["Status"] = saved.Total is null
            ? $"{Definition.Name} saved without a total: {ScaleFormats.Status(ScaleFormats.ParseStatus(saved.Status), saved.ReadAnswers().Values.Count(string.IsNullOrEmpty))}."
            : $"{Definition.Name} saved: {ScaleFormats.TotalOfRange(Definition, saved.Total)}.";
        return RedirectToPage("Score", new { patientId, id = saved.Id });
    }

    internal static string FieldKey(string field) => field.Length == 0 ? "" : $"{nameof(Input)}.{field}";

    private async Task<bool> LoadAsync(Guid patientId, string? instrument, Guid? visitId, CancellationToken ct)
    {
        if (await query.PatientAsync(patientId, ct) is not { } patient)
        {
            return false;
        }

        Patient = patient;
        Choices = await library.ChoicesAsync(ct);
        if (visitId is { } visit)
        {
            VisitId = visit;
            VisitStartedAtUtc = await query.VisitStartAsync(patientId, visit, ct);
            if (VisitStartedAtUtc is null)
            {
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(instrument))
        {
            return true;
        }

        Definition = await library.CurrentAsync(instrument.Trim(), ct);
        return Definition is not null;
    }
}

/// <summary>The model of <c>_ScaleForm.cshtml</c>: the items of a definition with the answers typed so far.</summary>
public sealed record ScaleForm(InstrumentDefinition Definition, ScaleRecording.Request Input);
