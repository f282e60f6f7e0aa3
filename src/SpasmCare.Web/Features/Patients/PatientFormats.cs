using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpasmCare.Web.Features.Patients;

/// <summary>Indian registry formats: mobile numbers, PIN codes, ABHA numbers and addresses, MRNs.</summary>
public static partial class PatientFormats
{
    public const string MrnPrefix = "SC-";

    /// <summary>A 10-digit Indian mobile number (starting 6–9), from "+91 98765 43210", "098765-43210" and so on.</summary>
    public static string? NormalizeMobile(string? input)
    {
        var digits = DigitsOf(input, allowed: " -()+");
        if (digits is null)
        {
            return null;
        }

        if (digits.Length == 12 && digits.StartsWith("91", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }
        else if (digits.Length == 11 && digits[0] == '0')
        {
            digits = digits[1..];
        }

        return digits.Length == 10 && digits[0] is >= '6' and <= '9' ? digits : null;
    }

    public static string FormatMobile(string mobile) =>
        mobile.Length == 10 ? $"+91 {mobile[..5]} {mobile[5..]}" : mobile;

    /// <summary>The 14 digits of an ABHA number, from "12-3456-7890-1234" or with spaces.</summary>
    public static string? NormalizeAbhaNumber(string? input)
    {
        var digits = DigitsOf(input, allowed: " -");
        return digits is { Length: 14 } ? digits : null;
    }

    public static string FormatAbhaNumber(string abha) =>
        abha.Length == 14 ? $"{abha[..2]}-{abha[2..6]}-{abha[6..10]}-{abha[10..]}" : abha;

    public static bool IsPinCode(string? input) => input is not null && PinRegex().IsMatch(input.Trim());

    public static string? NormalizeAbhaAddress(string? input)
    {
        var value = input?.Trim().ToLowerInvariant();
        return value is not null && AbhaAddressRegex().IsMatch(value) ? value : null;
    }

    /// <summary>"Given Family", or the given name alone for patients with a single name.</summary>
    public static string FullName(string givenName, string? familyName) =>
        string.IsNullOrEmpty(familyName) ? givenName : $"{givenName} {familyName}";

    /// <summary>The age as shown to staff; empty when the stored date of birth lies after today.</summary>
    public static string AgeOn(DateOnly birthDate, DateOnly today) =>
        birthDate <= today ? SpasmCare.Clinical.Age.Describe(birthDate, today) : "";

    public static string FormatMrn(long number) => MrnPrefix + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Search keys for a name: lower-case words of at least one letter, without accents or punctuation.</summary>
    public static IReadOnlyList<string> NameTerms(string? givenName, string? familyName) =>
        Tokens($"{givenName} {familyName}").Distinct(StringComparer.Ordinal).ToList();

    public static IEnumerable<string> Tokens(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return sb.ToString().Normalize(NormalizationForm.FormC)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Length > PatientNameTerm.TermMax ? t[..PatientNameTerm.TermMax] : t);
    }

    private static string? DigitsOf(string? input, string allowed)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return null;
        }

        var sb = new StringBuilder(input.Length);
        foreach (var c in input.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (!allowed.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex("^[1-9][0-9]{5}$")]
    private static partial Regex PinRegex();

    // An ABHA address is a chosen handle of letters, digits, '.' or '_' followed by @abdm (@sbx in the sandbox).
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9._]{2,30})[a-z0-9]?@(abdm|sbx)$")]
    private static partial Regex AbhaAddressRegex();
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class IndianMobileAttribute : ValidationAttribute
{
    public IndianMobileAttribute() : base("Enter a 10-digit Indian mobile number starting with 6, 7, 8 or 9 (a +91 in front is fine).") { }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PatientFormats.NormalizeMobile(s) is not null));
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class PinCodeAttribute : ValidationAttribute
{
    public PinCodeAttribute() : base("Enter a 6-digit PIN code, such as 400012.") { }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PatientFormats.IsPinCode(s)));
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class AbhaNumberAttribute : ValidationAttribute
{
    public AbhaNumberAttribute() : base("Enter the 14-digit ABHA number, such as 12-3456-7890-1234.") { }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PatientFormats.NormalizeAbhaNumber(s) is not null));
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class AbhaAddressAttribute : ValidationAttribute
{
    public AbhaAddressAttribute() : base("Enter the ABHA address as name@abdm (letters, digits, dots or underscores before the @).") { }

    public override bool IsValid(object? value) =>
        value is null || (value is string s && (s.Length == 0 || PatientFormats.NormalizeAbhaAddress(s) is not null));
}
