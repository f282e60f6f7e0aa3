using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Add or edit an appointment type.</summary>
public sealed class TypeModel(SpasmCareDbContext db, AppointmentTypeAdmin.Handler handler) : PageModel
{
    [BindProperty] public AppointmentTypeAdmin.Request Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public string? Code { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null)
        {
            Input = new() { DefaultMinutes = 15, NeedsRoom = true };
            return Page();
        }

        var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (type is null)
        {
            return NotFound();
        }

        Code = type.Code;
        Input = AppointmentTypeAdmin.Request.From(type);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            Code = await db.AppointmentTypes.AsNoTracking().Where(t => t.Id == id).Select(t => t.Code).FirstOrDefaultAsync(ct);
            if (Code is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var type = await handler.HandleAsync(id, Input, ct);
        if (type is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"{type.Name} saved.";
        return RedirectToPage("Types");
    }
}
