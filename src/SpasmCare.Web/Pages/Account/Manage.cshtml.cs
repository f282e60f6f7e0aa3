using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Account;

public sealed class ManageModel(UserManager<AppUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public IList<string> RoleNames { get; private set; } = [];
    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        DisplayName = user.DisplayName;
        UserName = user.UserName ?? "";
        RoleNames = await users.GetRolesAsync(user);
        TwoFactor = user.TwoFactorEnabled;
        return Page();
    }
}
