using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Scales;

/// <summary>One score in full: items, total, status, rater, mode, time and instrument version; amended or not.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class ScoreModel(ScaleHistory.Query query, ClinicTime clock) : PageModel
{
    public ScaleHistory.Patient Patient { get; private set; } = null!;
    public ScaleHistory.Details Score { get; private set; } = null!;
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ScaleScoreRead, "ScaleScore")]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid id, CancellationToken ct)
    {
        if (await query.PatientAsync(patientId, ct) is not { } patient
            || await query.ScoreAsync(patientId, id, ct) is not { } score)
        {
            return NotFound();
        }

        (Patient, Score) = (patient, score);
        return Page();
    }

    public string Show(DateTime utc) =>
        clock.Show(utc);
}
