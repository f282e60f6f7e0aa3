using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;

namespace SpasmCare.Web.Pages.FollowUps;

/// <summary>Cancels an open follow-up task with a reason; the task stays on record, with the reason.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class CancelModel(CancelFollowUp.Handler handler, FollowUpList.Query query, AuditLog audit) : PageModel
{
    [BindProperty] public CancelFollowUp.Request Input { get; set; } = new();

    /// <summary>The worklist as the person left it (a local URL only).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public FollowUpList.Row Task { get; private set; } = null!;

    public string BackUrl => ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/FollowUps", StringComparison.Ordinal) ? url : "/FollowUps";

    [Audited(AuditAction.FollowUpListViewed, FollowUpList.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.OpenTaskAsync(id, ct) is not { } task)
        {
            return NotFound();
        }

        Task = task;
        Input = new CancelFollowUp.Request { Version = task.Version };
        return Page();
    }

    [Audited(AuditAction.FollowUpCancelled, FollowUpList.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await query.OpenTaskAsync(id, ct) is not { } task)
        {
            return NotFound();
        }

        Task = task;
        var request = new CancelFollowUp.Request { Reason = Input.Reason, Version = Input.Version };
        ModelState.Remove("Input.Version");
        Input.Version = task.Version;
        if (!ModelState.IsValid)
        {
            audit.Read(AuditAction.FollowUpCancelled, task.PatientId, FollowUpList.Subject, id.ToString());
            return Page();
        }

        try
        {
            if (await handler.HandleAsync(id, request, ct) is null)
            {
                return NotFound();
            }
        }
        catch (RuleException)
        {
            audit.Read(AuditAction.FollowUpCancelled, task.PatientId, FollowUpList.Subject, id.ToString());
            throw;
        }

        TempData["Status"] = "Follow-up cancelled.";
        return LocalRedirect(BackUrl);
    }
}
