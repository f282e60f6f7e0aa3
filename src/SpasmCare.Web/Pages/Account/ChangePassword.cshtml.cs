using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages.Account;

public sealed class ChangePasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public bool Required { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "The new password must be between {2} and {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("Login");
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "Choose a password different from the current one.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        audit.Record(AuditAction.PasswordChanged, "User", user.Id.ToString());
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Your password has been changed.";
        return Redirect("/");
    }
}
