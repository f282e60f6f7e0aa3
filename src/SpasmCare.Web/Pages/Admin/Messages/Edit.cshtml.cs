using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Pages.Admin.Messages;

/// <summary>Edit one template (admins), with a preview filled with sample values.</summary>
public sealed class EditModel(SpasmCareDbContext db, SaveMessageTemplate.Handler handler) : PageModel
{
    [BindProperty] public SaveMessageTemplate.Request Input { get; set; } = new();

    public MessageTemplate Template { get; private set; } = null!;

    /// <summary>The text with sample values, when it has no problems.</summary>
    public (string Subject, string Body)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = SaveMessageTemplate.Request.From(Template);
        ShowPreview();
        return Page();
    }

    /// <summary>Shows the typed text filled with sample values; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            foreach (var (field, message) in SaveMessageTemplate.Check(Template, Input))
            {
                ModelState.AddModelError("Input." + field, message);
            }
        }

        if (ModelState.IsValid)
        {
            ShowPreview();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await handler.HandleAsync(id, Input, ct);
        if (saved is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{MessageTemplates.Label(saved.Key)} ({MessageTemplates.Label(saved.Channel)}, {saved.Language}) saved.";
        return RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return false;
        }

        Template = template;
        return true;
    }

    private void ShowPreview()
    {
        var values = MessageTemplates.SampleValues(Template.Key, Template.Language);
        Preview = (MessageTemplates.Render(Input.Subject ?? "", values), MessageTemplates.Render(Input.Body ?? "", values));
    }
}
