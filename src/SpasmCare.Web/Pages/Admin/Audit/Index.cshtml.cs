using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Admin.Audit;

public sealed partial class IndexModel(SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    private const int PageSize = 100;

    public sealed record Row(long Sequence, DateTime OccurredAtUtc, string ActorName, AuditAction Action, string? PatientMrn,
        string SubjectType, string? Detail, AuditOutcome Outcome, int StatusCode, string? TraceId, string? ClientIp);

    [BindProperty(SupportsGet = true)] public string? Patient { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public AuditOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public long? NextBefore { get; private set; }
    public ChainCheck? Check { get; private set; }
    public ClinicTime Clock => clock;

    [Audited(AuditAction.AuditLogViewed, "AuditLog")]
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Audited(AuditAction.AuditChainVerified, "AuditLog")]
    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Check = await AuditChain.VerifyAsync(db, ct);
        audit.Record(AuditAction.AuditChainVerified, "AuditLog", null,
            outcome: Check.Intact ? AuditOutcome.Succeeded : AuditOutcome.Failed,
            detail: Check.Intact ? $"{Check.RowsChecked} rows intact" : $"broken at {Check.BrokenAtSequence}");
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct, recordView: false);
    }

    public string PageLink(long before) =>
        Url.Page("Index", new { Patient, Actor, Action, Outcome, From, To, Before = before }) ?? "";

    public static string Describe(AuditAction action) => SplitWords().Replace(action.ToString(), " $1");

    private async Task LoadAsync(CancellationToken ct, bool recordView = true)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Patient))
        {
            var mrn = Patient.Trim().ToUpperInvariant();
            var patientId = await db.Patients.Where(p => p.Mrn == mrn).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            events = events.Where(e => e.PatientId == patientId);
        }

        if (!string.IsNullOrWhiteSpace(Actor))
        {
            var actor = Actor.Trim();
            events = events.Where(e => e.ActorName == actor);
        }

        if (Action is { } action)
        {
            events = events.Where(e => e.Action == action);
        }

        if (Outcome is { } outcome)
        {
            events = events.Where(e => e.Outcome == outcome);
        }

        if (From is { } from)
        {
            var fromUtc = clock.ToUtc(from);
            events = events.Where(e => e.OccurredAtUtc >= fromUtc);
        }

        if (To is { } to)
        {
            var toUtc = clock.ToUtc(to.AddDays(1));
            events = events.Where(e => e.OccurredAtUtc < toUtc);
        }

        if (Before is { } before)
        {
            events = events.Where(e => e.Sequence < before);
        }

        Rows = await events
            .OrderByDescending(e => e.Sequence)
            .Take(PageSize)
            .GroupJoin(db.Patients, e => e.PatientId, p => p.Id, (e, ps) => new { e, ps })
            .SelectMany(x => x.ps.DefaultIfEmpty(), (x, p) => new Row(
                x.e.Sequence, x.e.OccurredAtUtc, x.e.ActorName, x.e.Action, p == null ? null : p.Mrn, x.e.SubjectType,
                x.e.Detail, x.e.Outcome, x.e.StatusCode, x.e.TraceId, x.e.ClientIp))
            .ToListAsync(ct);
        Rows = Rows.OrderByDescending(r => r.Sequence).ToList();
        NextBefore = Rows.Count == PageSize ? Rows[^1].Sequence : null;
        if (recordView)
        {
            audit.Record(AuditAction.AuditLogViewed, "AuditLog", null);
            await db.SaveChangesAsync(ct);
        }
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex SplitWords();
}
