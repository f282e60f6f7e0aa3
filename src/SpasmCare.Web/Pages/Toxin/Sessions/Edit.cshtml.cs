using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

[Authorize(Policy = Policies.Doctor)]
public sealed class EditModel(UpdateSession.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock, TimeProvider time)
    : PageModel, ISessionForm
{
    [BindProperty] public SessionInput Input { get; set; } = new();

    [BindProperty] public string? Command { get; set; }

    public VisitPatient Patient { get; private set; } = null!;
    public InjectionSession Session { get; private set; } = null!;
    public SessionFormOptions Options { get; private set; } = new();
    public IReadOnlyList<DoseWarning> Warnings { get; private set; } = [];
    public IReadOnlyList<string> EarlierOverrides { get; private set; } = [];
    public string? Notice { get; private set; }
    public EditConflict? Conflict { get; private set; }
    public ClinicTime ClinicClock => clock;

    [Audited(AuditAction.InjectionSessionRead, RecordSession.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        audit.Read(AuditAction.InjectionSessionRead, patientId, RecordSession.Subject, sessionId.ToString());
        if (!await LoadAsync(patientId, sessionId, ct))
        {
            return NotFound();
        }

        var zone = await db.Sites.AsNoTracking().Where(s => s.Id == Session.SiteId).Select(s => s.TimeZoneId).FirstAsync(ct);
        var points = await db.InjectionPoints.AsNoTracking().Where(p => p.SessionId == sessionId).ToListAsync(ct);
        Input = SessionInput.From(Session, points, zone);
        Input.AcknowledgedWarnings = [.. EarlierOverrides];
        Input.WarningsRead = EarlierOverrides.Count > 0;
        Input.OverrideReason = Session.OverrideReason;
        return Page();
    }

    [Audited(AuditAction.InjectionSessionUpdated, RecordSession.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, sessionId, ct))
        {
            audit.Read(AuditAction.InjectionSessionUpdated, patientId, RecordSession.Subject, sessionId.ToString());
            return NotFound();
        }

        if (SessionFormCommands.IsCommand(Command))
        {
            ModelState.Clear();
            Notice = SessionFormCommands.Apply(Command!, Input, Options.Previous);
            audit.Read(AuditAction.InjectionSessionRead, patientId, RecordSession.Subject, sessionId.ToString());
            return Page();
        }

        if (!ModelState.IsValid || Session.EnteredInError)
        {
            audit.Read(AuditAction.InjectionSessionUpdated, patientId, RecordSession.Subject, sessionId.ToString());
            return Page();
        }

        SessionOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(patientId, sessionId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Read(AuditAction.InjectionSessionUpdated, patientId, RecordSession.Subject, sessionId.ToString());
            throw;
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Session is not null)
        {
            TempData["Status"] = "Injection session updated.";
            return Redirect(SessionPage.Url(patientId, sessionId));
        }

        if (outcome.Conflict is { } conflict)
        {
            Conflict = conflict;
            ModelState.Remove("Input.Version");
            Input.Version = conflict.CurrentVersion;
            ModelState.AddModelError("", "Someone else changed this session after you opened it. Nothing was saved.");
            return Page();
        }

        if (outcome.VialChanged)
        {
            ModelState.AddModelError("", VialLedger.ConflictMessage + " Nothing was saved.");
            Options = await SessionFormOptions.LoadAsync(db, patientId, Clock.UtcNow(time), Session, ct);
            return Page();
        }

        audit.Read(AuditAction.InjectionSessionUpdated, patientId, RecordSession.Subject, sessionId.ToString());
        Warnings = outcome.Warnings;
        SessionPage.AddErrors(ModelState, outcome.Errors);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid sessionId, CancellationToken ct)
    {
        var session = await db.InjectionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, ct);
        if (session is null || await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return false;
        }

        Session = session;
        Patient = patient;
        EarlierOverrides = string.IsNullOrWhiteSpace(session.OverriddenWarnings)
            ? []
            : session.OverriddenWarnings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Options = await SessionFormOptions.LoadAsync(db, patientId, Clock.UtcNow(time), session, ct);
        return true;
    }
}
