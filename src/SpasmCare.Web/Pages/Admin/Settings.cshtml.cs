using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Admin;

public sealed class SettingsModel(SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public List<string> RequiredRoles { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        RequiredRoles = (await TwoFactorPolicy.RequiredRolesAsync(db, ct)).ToList();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (RequiredRoles.Any(r => !Roles.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(RequiredRoles), "Choose roles from the list.");
            return Page();
        }

        var value = string.Join(",", RequiredRoles.Distinct().Order(StringComparer.Ordinal));
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == AppSetting.TwoFactorRequiredRoles, ct);
        if (setting is null)
        {
            db.Settings.Add(new AppSetting { Key = AppSetting.TwoFactorRequiredRoles, Value = value });
        }
        else
        {
            setting.Value = value;
        }

        audit.Record(AuditAction.SettingsChanged, "Setting", AppSetting.TwoFactorRequiredRoles, detail: "two-factor roles: " + value);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Settings saved. They apply to each person within a minute.";
        return RedirectToPage();
    }
}
