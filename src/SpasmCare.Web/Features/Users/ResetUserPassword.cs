using Microsoft.AspNetCore.Identity;

namespace SpasmCare.Web.Features.Users;

/// <summary>An admin issues a new one-time password; the owner must change it at the next sign-in.</summary>
public static class ResetUserPassword
{
    public sealed class Handler(SpasmCareDbContext db, UserManager<AppUser> users, AuditLog audit)
    {
        /// <returns>The one-time password, or null when there is no such user.</returns>
        public async Task<string?> HandleAsync(Guid id, CancellationToken ct)
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null)
            {
                return null;
            }

            var password = OneTimePassword.Generate();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            IdentityChecks.ThrowIfFailed(await users.RemovePasswordAsync(user));
            IdentityChecks.ThrowIfFailed(await users.AddPasswordAsync(user, password));
            user.MustChangePassword = true;
            await users.ResetAccessFailedCountAsync(user);
            if (user.IsActive)
            {
                await users.SetLockoutEndDateAsync(user, null);
            }

            audit.Record(AuditAction.UserPasswordReset, "User", id.ToString());
            IdentityChecks.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
            await transaction.CommitAsync(ct);
            return password;
        }
    }
}
