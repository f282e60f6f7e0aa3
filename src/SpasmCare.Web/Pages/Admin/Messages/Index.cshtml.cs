using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Admin.Messages;

/// <summary>Patient messages (admins): the templates per kind, channel and language, and the reminder lead times.</summary>
public sealed class IndexModel(SpasmCareDbContext db, ReminderSettings.Handler handler) : PageModel
{
    public sealed record Row(Guid Id, string Key, MessageChannel Channel, Language Language, string Excerpt, DateTime UpdatedAtUtc);

    public IReadOnlyList<Row> Templates { get; private set; } = [];

    [BindProperty]
    [StringLength(200)]
    [Display(Name = "Send reminders this long before the appointment")]
    public string? LeadTimes { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        LeadTimes = ReminderSettings.Show(await ReminderSettings.LoadAsync(db, ct));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await handler.HandleAsync(LeadTimes, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(LeadTimes), problem);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var saved = await ReminderSettings.LoadAsync(db, ct);
        TempData["Status"] = saved.Count == 0
            ? "Reminder lead times saved: no reminders will be written for new bookings."
            : $"Reminder lead times saved: {ReminderSettings.Show(saved)} before. Reminders already written keep their times.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var templates = await db.MessageTemplates.AsNoTracking().ToListAsync(ct);
        Templates = templates
            .OrderBy(t => MessageTemplates.Keys.ToList().IndexOf(t.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t.Key, StringComparer.Ordinal)
            .ThenBy(t => t.Channel).ThenBy(t => t.Language)
            .Select(t => new Row(t.Id, t.Key, t.Channel, t.Language, Excerpt(t), t.UpdatedAtUtc))
            .ToList();
    }

    private static string Excerpt(MessageTemplate t)
    {
        var text = (t.Channel == MessageChannel.Email ? t.Subject : t.Body).ReplaceLineEndings(" ");
        return text.Length <= 90 ? text : text[..90] + "…";
    }
}
