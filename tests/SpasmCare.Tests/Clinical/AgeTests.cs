using SpasmCare.Clinical;

namespace SpasmCare.Tests.Clinical;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1968-03-14", "2026-03-13", 57)]
    [InlineData("1968-03-14", "2026-03-14", 58)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    public void InYears_OnAndAroundBirthdays_CountsCompletedYears(string birth, string today, int expected)
    {
        var years = Age.InYears(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, years);
    }

    [Theory]
    [InlineData("1968-03-14", "2026-11-24", "58 y")]
    [InlineData("2025-04-10", "2026-11-24", "19 mo")]
    [InlineData("2026-11-04", "2026-11-24", "20 d")]
    public void Describe_ByAge_UsesYearsMonthsOrDays(string birth, string today, string expected)
    {
        var text = Age.Describe(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void InYears_DateBeforeBirth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Age.InYears(new DateOnly(2000, 1, 2), new DateOnly(2000, 1, 1)));
    }
}
