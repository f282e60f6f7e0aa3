using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Recall;

/// <summary>
/// Working one patient's recall items: what each is for and where it stands, its contact history, and forms to record
/// a call's outcome or postpone it, with a link to book. The list's filters (site, reason) ride along in the query
/// string so "back to the list" returns to the same view.
/// </summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class PatientModel(
    RecallList.Items items, RecordRecallAction.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    public sealed record HistoryRow(DateTime RecordedAtUtc, RecallOutcome Outcome, DateOnly? PostponedUntil, string? Note, string RecordedByName);

    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }

    public Guid PatientId { get; private set; }
    public string Name { get; private set; } = "";
    public string Mrn { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RecallList.Item> Items { get; private set; } = [];
    public IReadOnlyDictionary<string, List<HistoryRow>> History { get; private set; } = new Dictionary<string, List<HistoryRow>>();
    public IReadOnlyDictionary<Guid, string> SiteNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The form posted (kept to show its values and errors beside its fields).</summary>
    public RecordRecallAction.CallRequest Call { get; private set; } = new();
    public RecordRecallAction.PostponeRequest Postpone { get; private set; } = new();

    /// <summary>Which item and which form ("call" or "postpone") the posted values and errors belong to.</summary>
    public string? PostedKey { get; private set; }
    public string? PostedForm { get; private set; }

    [Audited(AuditAction.RecallItemsViewed)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, CancellationToken ct) =>
        await LoadAsync(patientId, ct) ? Page() : NotFound();

    [Audited(AuditAction.RecallCallRecorded, RecallList.Subject)]
    public async Task<IActionResult> OnPostCallAsync(Guid patientId, RecordRecallAction.CallRequest call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!await LoadAsync(patientId, ct))
        {
            return NotFound();
        }

        (Call, PostedKey, PostedForm) = (call, call.ItemKey, "call");
        if (!Items.Any(i => i.ItemKey == call.ItemKey))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (await handler.CallAsync(patientId, call, ct) is not { } action)
            {
                return NotFound();
            }

            TempData["Status"] = $"Call recorded: {RecallList.Label(action.Outcome).ToLowerInvariant()}.";
        }
        catch (RuleException rule)
        {
            ModelState.AddModelError("call." + rule.Field, rule.Message);
            return Page();
        }

        return LocalRedirect(SelfUrl());
    }

    [Audited(AuditAction.RecallPostponed, RecallList.Subject)]
    public async Task<IActionResult> OnPostPostponeAsync(Guid patientId, RecordRecallAction.PostponeRequest postpone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(postpone);
        if (!await LoadAsync(patientId, ct))
        {
            return NotFound();
        }

        (Postpone, PostedKey, PostedForm) = (postpone, postpone.ItemKey, "postpone");
        if (!Items.Any(i => i.ItemKey == postpone.ItemKey))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (await handler.PostponeAsync(patientId, postpone, ct) is not { } action)
            {
                return NotFound();
            }

            TempData["Status"] = "Postponed until " + action.PostponedUntil!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + ".";
        }
        catch (RuleException rule)
        {
            ModelState.AddModelError("postpone." + rule.Field, rule.Message);
            return Page();
        }

        return LocalRedirect(SelfUrl());
    }

    /// <summary>This page with the list's filters; with a handler for the forms' actions.</summary>
    public string SelfUrl(string? handlerName = null) => "/Recall/Patient/" + PatientId + Query(handlerName);

    /// <summary>The list, filtered as the person left it.</summary>
    public string ListUrl => "/Recall" + Query(null);

    /// <summary>The error of a field of the form posted for this item, if any.</summary>
    public string? ErrorFor(string form, string itemKey, string field) =>
        PostedForm == form && PostedKey == itemKey && ModelState.TryGetValue(form + "." + field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Check this value." : e.ErrorMessage))
            : null;

    private string Query(string? handlerName)
    {
        var parts = new List<string>();
        if (handlerName is not null)
        {
            parts.Add("handler=" + handlerName);
        }

        if (!string.IsNullOrEmpty(Site) && (Site == IndexModel.Mine || Guid.TryParse(Site, out _)))
        {
            parts.Add("site=" + Uri.EscapeDataString(Site));
        }

        if (Enum.TryParse<RecallReason>(Reason, out var reason) && Enum.IsDefined(reason))
        {
            parts.Add("reason=" + reason);
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private async Task<bool> LoadAsync(Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Mrn, p.Mobile })
            .FirstOrDefaultAsync(ct);
        if (patient is null)
        {
            return false;
        }

        PatientId = patient.Id;
        Name = PatientFormats.FullName(patient.GivenName, patient.FamilyName);
        Mrn = patient.Mrn;
        Mobile = patient.Mobile;
        Today = clock.Today;
        Items = await items.ForPatientAsync(patientId, ct);
        var keys = Items.Select(i => i.ItemKey).ToList();
        History = (await db.RecallActions.AsNoTracking()
                .Where(a => a.PatientId == patientId && keys.Contains(a.ItemKey))
                .Select(a => new { a.Id, a.ItemKey, Row = new HistoryRow(a.RecordedAtUtc, a.Outcome, a.PostponedUntil, a.Note, a.RecordedByName) })
                .ToListAsync(ct))
            .GroupBy(a => a.ItemKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Row.RecordedAtUtc).ThenByDescending(a => a.Id).Select(a => a.Row).ToList(), StringComparer.Ordinal);
        var siteIds = Items.Where(i => i.SiteId is not null).Select(i => i.SiteId!.Value).Distinct().ToList();
        SiteNames = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        audit.Read(AuditAction.RecallItemsViewed, patientId);
        return true;
    }
}
