using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app computes them from the base32
/// key that the two-factor page shows. ASP.NET Core Identity checks codes against the real clock, not the app's
/// <see cref="TimeProvider"/>, so tests pass the real time.
/// </summary>
public static class Totp
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238 authenticator codes are HMAC-SHA1; this reproduces what a phone app computes.")]
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), message);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes base32 as shown to people: any case, spaces and padding ignored.</summary>
    public static byte[] FromBase32(string key)
    {
        var clean = key.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)((buffer >> bits) & 0xFF));
            }
        }

        return [.. bytes];
    }
}
