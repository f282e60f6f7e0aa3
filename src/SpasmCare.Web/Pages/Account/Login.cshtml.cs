using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SpasmCareDbContext db, AuditLog audit)
    : PageModel
{
    public const string WrongCredentials = "The user name or password is not right. Check them and try again.";

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your user name.")]
        [StringLength(256)]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl()) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            audit.Record(AuditAction.SignInFailed, "User", user?.Id.ToString(), outcome: AuditOutcome.Denied,
                statusCode: 401, detail: user is null ? "unknown user name" : "account disabled");
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError("", WrongCredentials);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Record(AuditAction.SignInSucceeded, "User", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            audit.Record(AuditAction.SignInLockedOut, "User", user.Id.ToString(), outcome: AuditOutcome.Denied, statusCode: 401);
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError("",
                "This account is locked for 15 minutes after too many wrong passwords. Try again later, or ask an administrator.");
            return Page();
        }

        audit.Record(AuditAction.SignInFailed, "User", user.Id.ToString(), outcome: AuditOutcome.Denied,
            statusCode: 401, detail: "wrong password");
        await db.SaveChangesAsync(ct);
        ModelState.AddModelError("", WrongCredentials);
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
