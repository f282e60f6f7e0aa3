using System.Security.Cryptography;

namespace SpasmCare.Web.Security;

/// <summary>Readable one-time passwords for new accounts and resets; the holder must change it at first sign-in.</summary>
public static class OneTimePassword
{
    // No 0/O, 1/l/I: read aloud or copied from a screen without mistakes.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}-{new string(chars, 12, 4)}";
    }
}
