using System.Reflection;
using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>Every visitor-facing phrase exists in all three languages, and every validation key has its message.</summary>
public sealed class ContactTextTests
{
    public static TheoryData<string> PhraseNames() =>
        [.. typeof(ContactText).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Phrase)).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(PhraseNames))]
    public void Phrase_HasEnglishHindiAndMarathiInTheirScripts(string name)
    {
        var phrase = (Phrase)typeof(ContactText).GetField(name)!.GetValue(null)!;

        Assert.False(string.IsNullOrWhiteSpace(phrase.English));
        Assert.Contains(phrase.Hindi, IsDevanagari);
        Assert.Contains(phrase.Marathi, IsDevanagari);
        Assert.Equal(Placeholders(phrase.English), Placeholders(phrase.Hindi));
        Assert.Equal(Placeholders(phrase.English), Placeholders(phrase.Marathi));
    }

    [Fact]
    public void Errors_EveryValidationKeyHasAMessage()
    {
        var keys = typeof(ContactErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        Assert.All(keys, key => Assert.True(ContactText.Errors.ContainsKey(key), key));
        Assert.All(ContactText.Errors.Values, p => Assert.Contains(p.Hindi, IsDevanagari));
    }

    [Theory]
    [InlineData("hi", "Hindi")]
    [InlineData("MR", "Marathi")]
    [InlineData("en", "English")]
    [InlineData("fr", "English")]
    [InlineData(null, "English")]
    public void Language_FromTheAddress_FallsBackToEnglish(string? code, string expected)
    {
        Assert.Equal(expected, ContactLanguage.Parse(code).ToString());
    }

    private static bool IsDevanagari(char c) => c is >= '\u0900' and <= '\u097F';

    private static string Placeholders(string text) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(text, "\\{[0-9]\\}").Select(m => m.Value));
}
