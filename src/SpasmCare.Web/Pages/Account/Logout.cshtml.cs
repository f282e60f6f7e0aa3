using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SpasmCareDbContext db, AuditLog audit)
    : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // A new stamp ends this session everywhere, including copies of the cookie.
            await users.UpdateSecurityStampAsync(user);
            audit.Record(AuditAction.SignedOut, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
        }

        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
