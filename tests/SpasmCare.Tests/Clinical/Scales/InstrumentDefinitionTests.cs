using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class InstrumentDefinitionTests
{
    private static readonly InstrumentDefinition Valid = InstrumentCatalogue.Jrs;

    private static IEnumerable<string> Fields(InstrumentDefinition definition) => definition.Validate().Select(e => e.Field);

    [Fact]
    public void Validate_BlankCodeVersionName_ErrorEach()
    {
        Assert.Equal(["code", "version", "name"], Fields(Valid with { Code = " ", Version = "", Name = "" }));
    }

    [Fact]
    public void Validate_CodeWithSpaces_Error()
    {
        Assert.Equal(["code"], Fields(Valid with { Code = "HFS 7" }));
    }

    [Fact]
    public void Validate_NoItems_Error()
    {
        Assert.Contains("items", Fields(Valid with { Items = [] }));
    }

    [Fact]
    public void Validate_DuplicateItemCode_Error()
    {
        var items = new[] { Valid.Items[0], Valid.Items[0] };

        Assert.Equal(["items[1].code"], Fields(Valid with { Items = items }));
    }

    [Fact]
    public void Validate_MinNotBelowMax_Error()
    {
        var items = new[] { Valid.Items[0] with { Min = 4, Anchors = [] }, Valid.Items[1] };

        Assert.Contains("items[0].max", Fields(Valid with { Items = items, TotalMin = 4 }));
    }

    [Fact]
    public void Validate_NotApplicableOnSum_Error()
    {
        var items = new[] { Valid.Items[0] with { AllowNotApplicable = true }, Valid.Items[1] };

        Assert.Equal(["items[0].allowNotApplicable"], Fields(Valid with { Items = items }));
    }

    [Fact]
    public void Validate_UndefinedSubscale_Error()
    {
        var items = new[] { Valid.Items[0] with { Subscale = "ZZ" }, Valid.Items[1] };

        Assert.Equal(["items[0].subscale"], Fields(Valid with { Items = items }));
    }

    [Fact]
    public void Validate_AnchorOutsideRange_Error()
    {
        var items = new[] { Valid.Items[0] with { Anchors = [new(5, "Beyond")] }, Valid.Items[1] };

        Assert.Equal(["items[0].anchors"], Fields(Valid with { Items = items }));
    }

    [Fact]
    public void Validate_SingleGradeWithTwoItems_Error()
    {
        Assert.Contains("items", Fields(Valid with { Method = ScoringMethod.SingleGrade }));
    }

    [Fact]
    public void Validate_MicWithoutSource_Error()
    {
        Assert.Equal(["minimalImportantChangeSource"], Fields(Valid with { MinimalImportantChangeSource = null }));
    }

    [Fact]
    public void Validate_ZeroMic_Error()
    {
        Assert.Equal(["minimalImportantChange"], Fields(Valid with { MinimalImportantChange = 0 }));
    }

    [Fact]
    public void Validate_NegativeMicWithHigherIsBetter_Error()
    {
        Assert.Equal(["minimalImportantChange"], Fields(Valid with { MinimalImportantChange = -2, Direction = ScoreDirection.HigherIsBetter }));
    }

    [Fact]
    public void Validate_MicLargerThanRange_Error()
    {
        Assert.Equal(["minimalImportantChange"], Fields(Valid with { MinimalImportantChange = 9 }));
    }

    [Fact]
    public void Validate_MaxMissingAllItems_Error()
    {
        Assert.Equal(["maxMissingItems"], Fields(Valid with { MaxMissingItems = 2 }));
    }
}
