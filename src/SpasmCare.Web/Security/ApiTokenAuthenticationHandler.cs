using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SpasmCare.Web.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer sc_…</c> against hashed tokens of active users. Used only on <c>/api</c>.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SpasmCareDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }

        var hash = ApiToken.Hash(secret);
        var now = SpasmCare.Web.Data.Clock.UtcNow(time);
        var match = await db.ApiTokens
            .Where(t => t.SecretHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (match is null || !match.Token.IsUsable(now) || !match.User.IsActive)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == match.User.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);

        if (match.Token.LastUsedAtUtc is null || now - match.Token.LastUsedAtUtc > TimeSpan.FromMinutes(5))
        {
            match.Token.LastUsedAtUtc = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        db.ChangeTracker.Clear();
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, match.User.Id.ToString()),
            new(ClaimTypes.Name, match.User.UserName ?? ""),
            new("token_id", match.Token.Id.ToString()),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
