using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

/// <summary>The printable injection record: opening it is what the audit calls printing it.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class PrintModel(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic) : PageModel
{
    public VisitPatient Patient { get; private set; } = null!;
    public SessionView View { get; private set; } = null!;
    public string ClinicName => clinic.Value.Name;
    public ClinicTime Clock => clock;
    public DateTime PrintedAtUtc { get; private set; }

    [Audited(AuditAction.InjectionRecordPrinted, RecordSession.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        audit.Read(AuditAction.InjectionRecordPrinted, patientId, RecordSession.Subject, sessionId.ToString());
        if (await SessionView.FindAsync(db, patientId, sessionId, ct) is not { } view
            || await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return NotFound();
        }

        View = view;
        PrintedAtUtc = Data.Clock.UtcNow(time);
        Patient = patient;
        return Page();
    }
}
