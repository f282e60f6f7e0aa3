using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace SpasmCare.Web.Pages.Account;

/// <summary>TOTP enrolment with ASP.NET Core Identity's authenticator tokens (RFC 6238, 30-second codes).</summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool Required { get; set; }

    public bool Enabled { get; private set; }
    public bool RequiredForRole { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your app.")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "The code is 6 digits.")]
        [Display(Name = "Code from the app")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        await LoadAsync(user, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user, ct);
            return Page();
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", "That code is not right. Check the phone's clock and enter the code the app shows now.");
            await LoadAsync(user, ct);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        audit.Record(AuditAction.TwoFactorEnabled, "User", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Two-factor sign-in is on.";
        return Redirect("/");
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (await IsRequiredForRoleAsync(user, ct))
        {
            ModelState.AddModelError("", "Your role requires two-factor sign-in, so it cannot be turned off.");
            await LoadAsync(user, ct);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(AuditAction.TwoFactorDisabled, "User", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    private async Task<bool> IsRequiredForRoleAsync(AppUser user, CancellationToken ct)
    {
        var required = await TwoFactorPolicy.RequiredRolesAsync(db, ct);
        return (await users.GetRolesAsync(user)).Any(required.Contains);
    }

    private async Task LoadAsync(AppUser user, CancellationToken ct)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RequiredForRole = await IsRequiredForRoleAsync(user, ct);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key also changes the security stamp: re-issue this session's cookie so it stays valid.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/SpasmCare:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer=SpasmCare&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#000000", "#ffffff", true,
            SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
