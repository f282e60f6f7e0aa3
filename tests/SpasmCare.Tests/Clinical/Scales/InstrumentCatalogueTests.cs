using SpasmCare.Clinical;
using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class InstrumentCatalogueTests
{
    public static TheoryData<string> Codes => new(InstrumentCatalogue.All.Select(d => d.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void BuiltIn_Definition_IsValid(string code)
    {
        var definition = InstrumentCatalogue.Find(code)!;

        Assert.Empty(definition.Validate());
        Assert.Equal(InstrumentCatalogue.BuiltInVersion, definition.Version);
        Assert.Equal(ScoreDirection.HigherIsWorse, definition.Direction);
        Assert.Equal(0, definition.MaxMissingItems);
    }

    [Fact]
    public void All_HasTheSixInstrumentsOfIssue5()
    {
        Assert.Equal(["JRS", "SMC", "COHEN", "HFS7", "HFS30", "BSDI"], InstrumentCatalogue.All.Select(d => d.Code));
    }

    [Theory]
    [InlineData("JRS", ScoringMethod.Sum, 2, 0, 8)]
    [InlineData("SMC", ScoringMethod.SingleGrade, 1, 1, 4)]
    [InlineData("COHEN", ScoringMethod.SingleGrade, 1, 0, 4)]
    [InlineData("HFS7", ScoringMethod.Sum, 7, 0, 28)]
    [InlineData("HFS30", ScoringMethod.Sum, 30, 0, 120)]
    [InlineData("BSDI", ScoringMethod.MeanOfApplicable, 6, 0, 4)]
    public void BuiltIn_StructureAndRange_MatchDomain(string code, ScoringMethod method, int items, int min, int max)
    {
        var definition = InstrumentCatalogue.Find(code)!;

        Assert.Equal(method, definition.Method);
        Assert.Equal(items, definition.Items.Count);
        Assert.Equal(min, definition.TotalMin);
        Assert.Equal(max, definition.TotalMax);
    }

    [Theory]
    [InlineData("JRS", "2")]
    [InlineData("HFS7", "-2.63")]
    [InlineData("HFS30", "-4.46")]
    [InlineData("BSDI", "0.7")]
    public void BuiltIn_MinimalImportantChange_MatchesDomain(string code, string mic)
    {
        var definition = InstrumentCatalogue.Find(code)!;

        Assert.Equal(decimal.Parse(mic, System.Globalization.CultureInfo.InvariantCulture), definition.MinimalImportantChange);
        Assert.StartsWith("DOMAIN §2.", definition.MinimalImportantChangeSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SMC")]
    [InlineData("COHEN")]
    public void Grades_HaveNoMinimalImportantChange(string code)
    {
        Assert.Null(InstrumentCatalogue.Find(code)!.MinimalImportantChange);
    }

    [Theory]
    [InlineData("HFS7", "HFS-7", "HFS-7 item 3", 3)]
    [InlineData("HFS30", "HFS-30", "HFS-30 item 17", 17)]
    [InlineData("BSDI", "BSDI", "BSDI item 6", 6)]
    public void UnverifiedItems_HaveNeutralLabels(string code, string prefix, string label, int number)
    {
        var definition = InstrumentCatalogue.Find(code)!;

        Assert.True(definition.NeutralItemLabels);
        Assert.Equal(label, definition.Items[number - 1].Label);
        Assert.All(definition.Items, i => Assert.StartsWith(prefix + " item ", i.Label, StringComparison.Ordinal));
    }

    [Fact]
    public void Hfs30_NamesTheSevenDomainSubscales_WithNoItemAssigned()
    {
        var hfs30 = InstrumentCatalogue.Hfs30;

        Assert.Equal(
            ["Mobility", "Activities of daily living", "Emotional well-being", "Stigma", "Social support", "Cognition", "Communication"],
            hfs30.Subscales.Select(s => s.Name));
        Assert.All(hfs30.Items, i => Assert.Null(i.Subscale));
        Assert.Contains("mapping", hfs30.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Bsdi_EveryItemAllowsNotApplicable_AndHasNoAnchors()
    {
        Assert.All(InstrumentCatalogue.Bsdi.Items, i => Assert.True(i.AllowNotApplicable));
        Assert.All(InstrumentCatalogue.Bsdi.Items, i => Assert.Empty(i.Anchors));
    }

    [Fact]
    public void Jrs_UsesTheJankovicRatingScaleAnchorsAndMic()
    {
        var jrs = InstrumentCatalogue.Jrs;

        Assert.Equal(JankovicRatingScale.SeverityAnchors, jrs.FindItem(JankovicRatingScale.SeverityItem)!.Anchors.Select(a => a.Label));
        Assert.Equal(JankovicRatingScale.FrequencyAnchors, jrs.FindItem(JankovicRatingScale.FrequencyItem)!.Anchors.Select(a => a.Label));
        Assert.Equal(JankovicRatingScale.MeaningfulChange, jrs.MinimalImportantChange);
    }

    [Fact]
    public void Smc_AnchorsAreTheFourPublishedGrades()
    {
        var anchors = InstrumentCatalogue.Smc.Items[0].Anchors;

        Assert.Equal([1, 2, 3, 4], anchors.Select(a => a.Value));
        Assert.Equal("Localized spasm around the periocular area", anchors[0].Label);
        Assert.Equal("Disfiguring asymmetry", anchors[3].Label);
    }

    [Theory]
    [InlineData("SMC", 1, "I")]
    [InlineData("SMC", 4, "IV")]
    [InlineData("COHEN", 0, "0")]
    [InlineData("COHEN", 3, "III")]
    [InlineData("JRS", 5, "5")]
    public void Format_Grade_UsesRomanNumeralsForGradedScales(string code, int value, string expected)
    {
        Assert.Equal(expected, InstrumentCatalogue.Find(code)!.Format(value));
    }

    [Fact]
    public void Format_Mean_RoundsToTwoDecimalsForDisplay()
    {
        Assert.Equal("2.17", InstrumentCatalogue.Bsdi.Format(13m / 6));
    }

    [Fact]
    public void Find_UnknownCode_Null()
    {
        Assert.Null(InstrumentCatalogue.Find("hfs7"));
    }
}
