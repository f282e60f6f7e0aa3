using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Sessions;

[Authorize(Policy = Policies.Doctor)]
public sealed class NewModel(RecordSession.Handler handler, SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, Hosting.ClinicTime clock)
    : PageModel, ISessionForm
{
    [BindProperty] public SessionInput Input { get; set; } = new();

    /// <summary>A row button (add, remove, copy forward) instead of Save.</summary>
    [BindProperty] public string? Command { get; set; }

    public VisitPatient Patient { get; private set; } = null!;
    public SessionFormOptions Options { get; private set; } = new();
    public IReadOnlyList<DoseWarning> Warnings { get; private set; } = [];
    public IReadOnlyList<string> EarlierOverrides => [];
    public string? Notice { get; private set; }

    [Audited(AuditAction.PatientRead)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct)
    {
        audit.Read(AuditAction.PatientRead, patientId);
        if (!await LoadAsync(patientId, ct))
        {
            return NotFound();
        }

        if (Options.Previous is { } previous)
        {
            audit.Read(AuditAction.InjectionSessionRead, patientId, RecordSession.Subject, previous.Id.ToString());
        }

        var site = await DefaultSiteAsync(ct);
        var now = Clock.UtcNow(time);
        var local = VisitTime.Local(now, site?.TimeZoneId ?? Features.Sites.Site.DefaultTimeZone);
        var last = Options.Previous is { } prev
            ? await db.InjectionSessions.AsNoTracking().Where(s => s.Id == prev.Id).Select(s => new { s.Indication, s.SpasmSide, s.ProductId }).FirstAsync(ct)
            : null;
        Input = new SessionInput
        {
            SiteId = site?.Id,
            Date = DateOnly.FromDateTime(local),
            Time = new TimeOnly(local.Hour, local.Minute),
            Indication = last?.Indication ?? InjectionIndication.HemifacialSpasm,
            SpasmSide = last?.SpasmSide,
            ProductId = last is not null && Options.Products.Any(p => p.Id == last.ProductId)
                ? last.ProductId
                : Options.Products.Count == 1 ? Options.Products[0].Id : null,
            Points = [new PointInput()],
        };
        return Page();
    }

    [Audited(AuditAction.InjectionSessionRecorded, RecordSession.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, ct))
        {
            audit.Read(AuditAction.InjectionSessionRecorded, patientId, RecordSession.Subject, null);
            return NotFound();
        }

        if (SessionFormCommands.IsCommand(Command))
        {
            ModelState.Clear();
            Notice = SessionFormCommands.Apply(Command!, Input, Options.Previous);
            audit.Read(Command == SessionFormCommands.Copy && Options.Previous is not null ? AuditAction.InjectionSessionRead : AuditAction.PatientRead,
                patientId, RecordSession.Subject, (Options.Previous?.Id ?? patientId).ToString());
            return Page();
        }

        if (!ModelState.IsValid)
        {
            audit.Read(AuditAction.InjectionSessionRecorded, patientId, RecordSession.Subject, null);
            return Page();
        }

        var outcome = await handler.HandleAsync(patientId, Input, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Session is { } session)
        {
            TempData["Status"] = session.OverriddenWarnings is null
                ? "Injection session saved. The onset check and the peak review are on the follow-up list."
                : "Injection session saved past the dose warnings, with your reason. The onset check and the peak review are on the follow-up list.";
            return Redirect($"/Patients/{patientId}/Toxin/Sessions/{session.Id}");
        }

        if (outcome.VialChanged)
        {
            ModelState.AddModelError("", VialLedger.ConflictMessage + " Nothing was saved.");
            Options = await SessionFormOptions.LoadAsync(db, patientId, Clock.UtcNow(time), null, ct);
            return Page();
        }

        audit.Read(AuditAction.InjectionSessionRecorded, patientId, RecordSession.Subject, null);
        Warnings = outcome.Warnings;
        SessionPage.AddErrors(ModelState, outcome.Errors);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid patientId, CancellationToken ct)
    {
        if (await VisitPatient.FindAsync(db, clock, patientId, ct) is not { } patient)
        {
            return false;
        }

        Patient = patient;
        Options = await SessionFormOptions.LoadAsync(db, patientId, Clock.UtcNow(time), null, ct);
        return true;
    }

    /// <summary>
    /// The first open site the signed-in doctor works at, or else the first open site with a vial ready to draw from
    /// (injections happen where the reconstituted vials are, not at a hospital that merely sorts first), or else the
    /// first open site.
    /// </summary>
    private async Task<Features.Sites.Site?> DefaultSiteAsync(CancellationToken ct)
    {
        var open = Options.Sites.Where(s => s.IsActive).ToList();
        if (clinicians.CurrentId() is { } me)
        {
            var mine = await db.UserSites.AsNoTracking().Where(u => u.UserId == me).Select(u => u.SiteId).ToListAsync(ct);
            if (open.FirstOrDefault(s => mine.Contains(s.Id)) is { } site)
            {
                return site;
            }
        }

        return open.FirstOrDefault(s => Options.Vials.Any(v => v.SiteId == s.Id)) ?? open.FirstOrDefault();
    }
}
