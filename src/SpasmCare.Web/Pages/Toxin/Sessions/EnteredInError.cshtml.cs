using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

[Authorize(Policy = Policies.Doctor)]
public sealed class EnteredInErrorModel(SessionEnteredInError.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public SessionEnteredInError.Request Input { get; set; } = new();

    public VisitPatient Patient { get; private set; } = null!;
    public SessionView View { get; private set; } = null!;

    [Audited(AuditAction.InjectionSessionRead, RecordSession.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        audit.Read(AuditAction.InjectionSessionRead, patientId, RecordSession.Subject, sessionId.ToString());
        if (!await LoadAsync(patientId, sessionId, ct))
        {
            return NotFound();
        }

        Input = new SessionEnteredInError.Request { Version = View.Session.Version };
        return Page();
    }

    [Audited(AuditAction.InjectionSessionEnteredInError, RecordSession.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, sessionId, ct))
        {
            audit.Read(AuditAction.InjectionSessionEnteredInError, patientId, RecordSession.Subject, sessionId.ToString());
            return NotFound();
        }

        // On a refusal the form comes back against the version now saved, so the doctor can confirm after checking.
        var request = new SessionEnteredInError.Request { Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = View.Session.Version;
        if (!ModelState.IsValid)
        {
            audit.Read(AuditAction.InjectionSessionEnteredInError, patientId, RecordSession.Subject, sessionId.ToString());
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(patientId, sessionId, request, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Read(AuditAction.InjectionSessionEnteredInError, patientId, RecordSession.Subject, sessionId.ToString());
            throw;
        }

        TempData["Status"] = "The session is marked as entered in error. Its units went back to their vials and its follow-up tasks were cancelled.";
        return Redirect(SessionPage.Url(patientId, sessionId));
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        if (await SessionView.FindAsync(db, patientId, sessionId, ct) is not { } view
            || await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return false;
        }

        View = view;
        Patient = patient;
        return true;
    }
}
