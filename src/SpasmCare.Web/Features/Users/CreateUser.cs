using Microsoft.AspNetCore.Identity;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Users;

public static class CreateUser
{
    public sealed class Request : UserInput
    {
        [Required(ErrorMessage = "Choose a user name.")]
        [StringLength(50, MinimumLength = 3, ErrorMessage = "The user name must be between {2} and {1} characters.")]
        [RegularExpression("^[a-z0-9._-]+$", ErrorMessage = "Use lower-case letters, digits, dots, dashes or underscores in the user name.")]
        [Display(Name = "User name")]
        public string UserName { get; set; } = "";
    }

    /// <summary>The new account and the one-time password to hand to its owner (shown once).</summary>
    public sealed record Result(Guid UserId, string OneTimePassword);

    public sealed class Handler(SpasmCareDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider time)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            if (await users.FindByNameAsync(request.UserName) is not null)
            {
                throw new RuleException("user-name-taken", "This user name is already in use.", nameof(Request.UserName));
            }

            await UserSites.CheckAsync(db, request.SiteIds, ct);
            var password = OneTimePassword.Generate();
            var user = new AppUser
            {
                UserName = request.UserName,
                DisplayName = request.DisplayName.Trim(),
                Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
                MustChangePassword = true,
                CreatedAtUtc = Clock.UtcNow(time),
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            IdentityChecks.ThrowIfFailed(await users.CreateAsync(user, password));
            IdentityChecks.ThrowIfFailed(await users.AddToRolesAsync(user, request.Roles.Distinct()));
            db.UserSites.AddRange(request.SiteIds.Distinct().Select(id => new UserSite { UserId = user.Id, SiteId = id }));
            audit.Record(AuditAction.UserCreated, "User", user.Id.ToString(), detail: string.Join(",", request.Roles));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new Result(user.Id, password);
        }
    }
}

internal static class IdentityChecks
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleException("identity", string.Join(" ", result.Errors.Select(e => e.Description)),
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}

internal static class UserSites
{
    public static async Task CheckAsync(SpasmCareDbContext db, List<Guid> siteIds, CancellationToken ct)
    {
        var distinct = siteIds.Distinct().ToList();
        if (await db.Sites.CountAsync(s => distinct.Contains(s.Id), ct) != distinct.Count)
        {
            throw new RuleException("unknown-site", "Choose sites from the list.", nameof(UserInput.SiteIds),
                StatusCodes.Status422UnprocessableEntity);
        }
    }
}
