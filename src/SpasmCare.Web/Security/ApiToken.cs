using System.Security.Cryptography;
using System.Text;

namespace SpasmCare.Web.Security;

/// <summary>
/// A bearer token for the JSON API, issued by an admin for one user. Only a SHA-256 hash is stored; the secret is
/// shown once when issued.
/// </summary>
public sealed class ApiToken
{
    public const int NameMax = 100;
    public const string SecretPrefix = "sc_";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    [StringLength(NameMax)] public string Name { get; init; } = "";
    [StringLength(64)] public string SecretHash { get; init; } = "";
    [StringLength(16)] public string Hint { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? ExpiresAtUtc { get; init; }
    public DateTime? RevokedAtUtc { get; set; }
    public DateTime? LastUsedAtUtc { get; set; }

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > nowUtc);
}
