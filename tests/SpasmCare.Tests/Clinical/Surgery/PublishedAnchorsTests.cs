using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class PublishedAnchorsTests
{
    [Theory]
    [InlineData("complete-resolution", 91.1, false, "91.1 %")]
    [InlineData("recurrence", 2.4, false, "2.4 %")]
    [InlineData("redo", 1.2, false, "1.2 %")]
    [InlineData("transient-facial-palsy", 9.5, false, "9.5 %")]
    [InlineData("transient-hearing-deficit", 3.2, false, "3.2 %")]
    [InlineData("csf-leak", 1.4, false, "1.4 %")]
    [InlineData("permanent-hearing-deficit", 2.3, false, "2.3 %")]
    [InlineData("permanent-facial-palsy", 0.9, false, "0.9 %")]
    [InlineData("stroke", 0.1, true, "<0.1 %")]
    [InlineData("death", 0.1, true, "<0.1 %")]
    [InlineData("immediate-success", 71.8, false, "71.8 %")]
    [InlineData("delayed-relief", 25.4, false, "25.4 %")]
    public void Find_DomainFigures_AreAsPublished(string code, double percent, bool lessThan, string text)
    {
        var anchor = PublishedAnchors.Find(code)!;

        Assert.Equal((decimal)percent, anchor.Percent);
        Assert.Equal(lessThan, anchor.LessThan);
        Assert.Equal(text, anchor.PercentText);
        Assert.StartsWith("DOMAIN §4.", anchor.DomainReference, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(anchor.Source));
    }

    [Fact]
    public void All_CodesAreUnique()
    {
        Assert.Equal(PublishedAnchors.All.Count, PublishedAnchors.All.Select(a => a.Code).Distinct().Count());
        Assert.Null(PublishedAnchors.Find("nope"));
    }

    [Fact]
    public void CompleteResolutionMeta_CarriesItsOwnInterval()
    {
        Assert.Equal((86.7m, 90.4m), (PublishedAnchors.CompleteResolutionMeta.Lower!.Value, PublishedAnchors.CompleteResolutionMeta.Upper!.Value));
    }
}
