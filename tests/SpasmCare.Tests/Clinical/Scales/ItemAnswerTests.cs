using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class ItemAnswerTests
{
    [Fact]
    public void Default_IsMissing()
    {
        Assert.Equal(AnswerKind.Missing, default(ItemAnswer).Kind);
        Assert.Null(default(ItemAnswer).Value);
    }

    [Theory]
    [InlineData("3", AnswerKind.Value, 3)]
    [InlineData(" 0 ", AnswerKind.Value, 0)]
    [InlineData("-1", AnswerKind.Value, -1)]
    [InlineData("NA", AnswerKind.NotApplicable, null)]
    [InlineData("na", AnswerKind.NotApplicable, null)]
    [InlineData("", AnswerKind.Missing, null)]
    [InlineData(null, AnswerKind.Missing, null)]
    public void TryParse_Text_ReadsKindAndValue(string? text, AnswerKind kind, int? value)
    {
        Assert.True(ItemAnswer.TryParse(text, out var answer));
        Assert.Equal(kind, answer.Kind);
        Assert.Equal(value, answer.Value);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("three")]
    [InlineData("N/A")]
    public void TryParse_Unreadable_False(string text)
    {
        Assert.False(ItemAnswer.TryParse(text, out _));
    }

    [Fact]
    public void ToString_RoundTripsThroughTryParse()
    {
        Assert.Equal("4", ItemAnswer.Of(4).ToString());
        Assert.Equal("NA", ItemAnswer.NotApplicable.ToString());
        Assert.Equal("", ItemAnswer.Missing.ToString());
        Assert.True(ItemAnswer.TryParse(ItemAnswer.NotApplicable.ToString(), out var na));
        Assert.Equal(ItemAnswer.NotApplicable, na);
    }
}
