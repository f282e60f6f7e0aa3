using Microsoft.AspNetCore.Identity;

namespace SpasmCare.Web.Security;

/// <summary>
/// Rejects passwords that appear on lists of the most-used passwords, or that contain the user name
/// (ASVS V6.2.4: no composition rules, but a deny-list).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
        "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "0123456789", "qwerty",
        "qwerty123", "qwertyuiop", "1q2w3e4r", "1q2w3e4r5t", "abc123", "abcd1234", "iloveyou", "admin",
        "admin123", "admin@123", "administrator", "welcome", "welcome1", "welcome123", "welcome@123",
        "letmein", "changeme", "changeme123", "india123", "india@123", "spasmcare", "spasmcare123",
        "doctor123", "hospital", "hospital123", "clinic123", "000000", "111111", "11111111", "123123",
        "123321", "654321", "666666", "987654321", "football", "monkey", "dragon", "sunshine", "princess",
        "qwerty12345", "zaq12wsx", "asdfghjkl", "superman", "trustno1", "master", "shadow",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (Common.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common. Choose a longer phrase that others would not guess.",
            }));
        }

        if (!string.IsNullOrEmpty(user.UserName) && user.UserName.Length >= 4
            && password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsUserName",
                Description = "The password must not contain the user name.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
