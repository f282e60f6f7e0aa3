using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code.")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code is 6 digits.")]
        [Display(Name = "Authenticator code")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            audit.Record(AuditAction.SignInSucceeded, "User", user.Id.ToString(), detail: "with authenticator code");
            await db.SaveChangesAsync(ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        audit.Record(result.IsLockedOut ? AuditAction.SignInLockedOut : AuditAction.TwoFactorFailed, "User",
            user.Id.ToString(), outcome: AuditOutcome.Denied, statusCode: 401);
        await db.SaveChangesAsync(ct);
        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked for 15 minutes after too many wrong codes."
            : "That code is not right or has expired. Enter the code your app shows now.");
        return Page();
    }
}
