using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Inquiries;

/// <summary>One inquiry: what the visitor sent, the triage suggestion, and the front desk's work on it.</summary>
public sealed class DetailsModel(InquiryDetails.Query query, UpdateInquiry.Handler handler, ClinicTime clock) : PageModel
{
    [BindProperty] public UpdateInquiry.Request Input { get; set; } = new();

    public InquiryDetails Details { get; private set; } = null!;
    public IReadOnlyList<InquiryDetails.Assignee> Assignees { get; private set; } = [];
    public ClinicTime Clock => clock;
    public bool Conflict { get; private set; }

    /// <summary>Reasons staff often give for closing; any other text is fine too.</summary>
    public static readonly IReadOnlyList<string> CommonCloseReasons =
    [
        "Could not be reached",
        "Not hemifacial spasm; advised elsewhere",
        "Chose not to come",
        "Duplicate of another inquiry",
        "Question answered; no visit needed",
    ];

    [Audited(AuditAction.InquiryRead, "Inquiry")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = UpdateInquiry.Request.From(Details.Inquiry);
        return Page();
    }

    [Audited(AuditAction.InquiryUpdated, "Inquiry")]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        UpdateInquiry.Outcome outcome;
        try
        {
            outcome = await handler.HandleAsync(id, Input, ct);
        }
        catch (RuleException)
        {
            // The rule's message is shown beside the field by RulePageFilter, on the page as it is saved now.
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            throw;
        }

        switch (outcome)
        {
            case UpdateInquiry.Outcome.NotFound:
                return NotFound();
            case UpdateInquiry.Outcome.Conflict:
                // Show what is saved now; the editor's own values stay in the form, to be saved again on purpose.
                if (!await LoadAsync(id, ct))
                {
                    return NotFound();
                }

                Conflict = true;
                ModelState.Remove("Input." + nameof(UpdateInquiry.Request.Version));
                Input.Version = Details.Inquiry.Version;
                ModelState.AddModelError("", "Someone else changed this inquiry after you opened it. Nothing was saved. Check their changes below, then save yours again.");
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
            case UpdateInquiry.Outcome.NoChange:
                TempData["Status"] = "Nothing to save: no changes.";
                return RedirectToPage("Details", new { id });
            case UpdateInquiry.Outcome.Saved:
                TempData["Status"] = "Inquiry saved.";
                return RedirectToPage("Details", new { id });
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var details = await query.LoadAsync(id, AuditAction.InquiryRead, ct);
        if (details is null)
        {
            return false;
        }

        Details = details;
        Assignees = await query.AssigneesAsync(ct);
        return true;
    }
}
