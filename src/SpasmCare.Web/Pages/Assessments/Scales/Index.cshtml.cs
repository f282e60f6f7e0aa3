using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Assessments.Scales;

/// <summary>Every current score of a patient, per instrument, with the change between results and a chart.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class IndexModel(ScaleHistory.Query query, AuditLog audit, ClinicTime clock) : PageModel
{
    public ScaleHistory.Patient Patient { get; private set; } = null!;
    public ScaleHistory.Outcomes Outcomes { get; private set; } = null!;
    public ClinicTime Clock => clock;

    [Audited(AuditAction.ScaleScoreRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct)
    {
        if (await query.PatientAsync(patientId, ct) is not { } patient)
        {
            return NotFound();
        }

        Patient = patient;
        Outcomes = await query.OutcomesAsync(patientId, ct);
        if (!Outcomes.HasScores)
        {
            audit.Read(AuditAction.ScaleScoreRead, patientId);
        }

        return Page();
    }

    public string Show(DateTime utc) =>
        clock.Show(utc);
}
