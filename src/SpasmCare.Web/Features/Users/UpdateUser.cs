using Microsoft.AspNetCore.Identity;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Users;

public static class UpdateUser
{
    public sealed class Request : UserInput
    {
        [Display(Name = "Account active")] public bool IsActive { get; set; } = true;

        public string? ConcurrencyStamp { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, UserManager<AppUser> users, AuditLog audit, ICurrentUser me)
    {
        /// <returns>False when there is no such user.</returns>
        public async Task<bool> HandleAsync(Guid id, Request request, CancellationToken ct)
        {
            var user = await db.Users.Include(u => u.Sites).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (user is null)
            {
                return false;
            }

            if (request.ConcurrencyStamp != user.ConcurrencyStamp)
            {
                throw new RuleException("conflict", "Someone else changed this account while you were editing. Reload the page and apply your change again.");
            }

            if (id == me.UserId && (!request.IsActive || !request.Roles.Contains(Roles.Admin)))
            {
                throw new RuleException("self-lockout", "You cannot disable your own account or remove your own Admin role.");
            }

            await UserSites.CheckAsync(db, request.SiteIds, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var wasActive = user.IsActive;
            user.DisplayName = request.DisplayName.Trim();
            user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
            user.IsActive = request.IsActive;
            user.LockoutEnd = request.IsActive ? null : DateTimeOffset.MaxValue;
            user.Sites.RemoveAll(s => !request.SiteIds.Contains(s.SiteId));
            user.Sites.AddRange(request.SiteIds.Distinct().Where(s => user.Sites.All(x => x.SiteId != s))
                .Select(s => new UserSite { UserId = id, SiteId = s }));

            var current = await users.GetRolesAsync(user);
            IdentityChecks.ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(request.Roles)));
            IdentityChecks.ThrowIfFailed(await users.AddToRolesAsync(user, request.Roles.Distinct().Except(current)));
            if (wasActive && !request.IsActive)
            {
                // A new security stamp ends the person's open sessions at their next request.
                await users.UpdateSecurityStampAsync(user);
            }

            var action = (wasActive, request.IsActive) switch
            {
                (true, false) => AuditAction.UserDisabled,
                (false, true) => AuditAction.UserEnabled,
                _ => AuditAction.UserUpdated,
            };
            audit.Record(action, "User", id.ToString(), detail: string.Join(",", request.Roles));
            IdentityChecks.ThrowIfFailed(await users.UpdateAsync(user));
            await transaction.CommitAsync(ct);
            return true;
        }
    }
}
