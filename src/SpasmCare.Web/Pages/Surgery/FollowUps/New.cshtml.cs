using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Surgery.FollowUps;

/// <summary>Records a follow-up at a milestone; the HFS-7 and SMC grade are pre-filled from scores near the date seen.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class NewModel(RecordFollowUp.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock) : PageModel
{
    [BindProperty] public FollowUpInput Input { get; set; } = new();

    public FollowUpCase Header { get; private set; } = null!;
    public RecordFollowUp.Prefilled? Hfs7From { get; private set; }
    public RecordFollowUp.Prefilled? SmcFrom { get; private set; }
    public FollowUpMilestone? Window { get; private set; }

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, string? milestone, DateOnly? seenOn, CancellationToken ct)
    {
        audit.Attempt(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId);
        if (await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
        {
            return NotFound();
        }

        Header = header;
        var day = seenOn ?? clock.Today;
        Input = new FollowUpInput { SeenOn = day };
        if (header.OperatedOn is { } operatedOn)
        {
            Input.Milestone = FollowUpSchedule.Find(operatedOn, milestone, FollowUpLabels.YearsOffered)?.Label
                ?? await NextOpenMilestoneAsync(caseId, ct)
                ?? FollowUpSchedule.Nearest(operatedOn, day, FollowUpLabels.YearsOffered).Label;
            Window = FollowUpSchedule.Find(operatedOn, Input.Milestone, FollowUpLabels.YearsOffered);
        }

        (Hfs7From, SmcFrom) = await RecordFollowUp.ScoresNearAsync(db, clock, patientId, day, ct);
        Input.Hfs7 = FollowUpInput.Whole(Hfs7From?.Total);
        Input.SmcGrade = SmcFrom is { } smc ? (int)smc.Total : null;
        return Page();
    }

    [Audited(AuditAction.MvdFollowUpRecorded, RecordFollowUp.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await FollowUpCase.FindAsync(db, patientId, caseId, ct) is not { } header)
        {
            audit.Attempt(AuditAction.MvdFollowUpRecorded, patientId, MvdCaseRules.Subject, caseId);
            return NotFound();
        }

        Header = header;
        if (header.OperatedOn is { } operatedOn)
        {
            Window = FollowUpSchedule.Find(operatedOn, Input.Milestone, FollowUpLabels.YearsOffered);
        }

        if (!ModelState.IsValid)
        {
            audit.Attempt(AuditAction.MvdFollowUpRecorded, patientId, MvdCaseRules.Subject, caseId);
            return Page();
        }

        MvdFollowUp? saved;
        try
        {
            saved = await handler.HandleAsync(patientId, caseId, Input, ct);
        }
        catch (RuleException)
        {
            audit.Attempt(AuditAction.MvdFollowUpRecorded, patientId, MvdCaseRules.Subject, caseId);
            throw;
        }

        if (saved is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"The {saved.Milestone} follow-up is saved.";
        return RedirectToPage("/Surgery/Cases/Details", null, new { patientId, caseId }, "mvd-course");
    }

    private Task<string?> NextOpenMilestoneAsync(Guid caseId, CancellationToken ct) =>
        db.FollowUpTasks.AsNoTracking()
            .Where(t => t.SourceId == caseId && t.Kind == FollowUpKind.MvdFollowUp && t.Status == FollowUpStatus.Open)
            .OrderBy(t => t.DueFrom)
            .Select(t => t.Milestone)
            .FirstOrDefaultAsync(ct);
}
