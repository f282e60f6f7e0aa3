namespace SpasmCare.Web.Features.Users;

public static class IssueApiToken
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Name the token after the system that will use it.")]
        [StringLength(ApiToken.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Token name")]
        public string Name { get; set; } = "";

        [Range(1, 730, ErrorMessage = "A token can last between {1} and {2} days.")]
        [Display(Name = "Valid for (days)")]
        public int? ValidForDays { get; set; } = 90;
    }

    /// <returns>The secret, shown once; null when there is no such active user.</returns>
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time)
    {
        public async Task<string?> HandleAsync(Guid userId, Request request, CancellationToken ct)
        {
            if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
            {
                return null;
            }

            var now = Clock.UtcNow(time);
            var secret = ApiToken.NewSecret();
            var token = new ApiToken
            {
                UserId = userId,
                Name = request.Name.Trim(),
                SecretHash = ApiToken.Hash(secret),
                Hint = secret[..7] + "…",
                CreatedAtUtc = now,
                ExpiresAtUtc = request.ValidForDays is { } days ? now.AddDays(days) : null,
            };
            db.ApiTokens.Add(token);
            audit.Record(AuditAction.ApiTokenIssued, "ApiToken", token.Id.ToString(), detail: "user " + userId);
            await db.SaveChangesAsync(ct);
            return secret;
        }
    }
}

public static class RevokeApiToken
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time)
    {
        public async Task<bool> HandleAsync(Guid tokenId, CancellationToken ct)
        {
            var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
            if (token is null)
            {
                return false;
            }

            if (token.RevokedAtUtc is null)
            {
                token.RevokedAtUtc = Clock.UtcNow(time);
                audit.Record(AuditAction.ApiTokenRevoked, "ApiToken", tokenId.ToString());
                await db.SaveChangesAsync(ct);
            }

            return true;
        }
    }
}
