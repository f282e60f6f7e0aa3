using SpasmCare.Clinical.Scales;

namespace SpasmCare.Tests.Clinical.Scales;

public sealed class InstrumentJsonTests
{
    public static TheoryData<string> Codes => new(InstrumentCatalogue.All.Select(d => d.Code));

    private const string Licensed = """
        {
          // an admin's licensed copy
          "code": "HFS7",
          "version": "licensed-2026",
          "name": "HFS-7",
          "method": "sum",
          "items": [
            { "code": "Q1", "label": "Licensed wording 1", "min": 0, "max": 4 },
            { "code": "Q2", "label": "Licensed wording 2", "min": 0, "max": 4, "anchors": [ { "value": 0, "label": "Never" } ] }
          ],
          "totalMin": 0,
          "totalMax": 8,
          "direction": "higherIsWorse",
          "minimalImportantChange": -2.63,
          "minimalImportantChangeSource": "DOMAIN §2.5 [S61]",
        }
        """;

    [Theory]
    [MemberData(nameof(Codes))]
    public void WriteThenRead_BuiltIn_RoundTrips(string code)
    {
        var definition = InstrumentCatalogue.Find(code)!;

        var json = InstrumentJson.Write(definition);
        var loaded = InstrumentJson.Read(json);

        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors.Select(e => e.Message)));
        Assert.Equal(json, InstrumentJson.Write(loaded.Definition!));
    }

    [Fact]
    public void Read_LicensedDefinition_LoadsWordingAndScores()
    {
        var loaded = InstrumentJson.Read(Licensed);

        var definition = Assert.IsType<InstrumentDefinition>(loaded.Definition);
        Assert.Equal("licensed-2026", definition.Version);
        Assert.Equal("Licensed wording 2", definition.Items[1].Label);
        Assert.False(definition.NeutralItemLabels);
        Assert.Equal(5m, ScaleScorer.Score(definition, ScaleAnswers.Values(2, 3)).Total);
    }

    [Fact]
    public void Write_UsesCamelCaseAndEnumNames()
    {
        var json = InstrumentJson.Write(InstrumentCatalogue.Bsdi);

        Assert.Contains("\"method\": \"meanOfApplicable\"", json, StringComparison.Ordinal);
        Assert.Contains("\"allowNotApplicable\": true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotJson_ErrorNotException()
    {
        var loaded = InstrumentJson.Read("{ not json");

        Assert.False(loaded.Succeeded);
        Assert.Null(loaded.Definition);
        Assert.StartsWith("The text is not a valid instrument definition", Assert.Single(loaded.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Null_Error()
    {
        var loaded = InstrumentJson.Read("null");

        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void Read_MissingRequiredProperty_Error()
    {
        var loaded = InstrumentJson.Read(Licensed.Replace("\"version\": \"licensed-2026\",", "", StringComparison.Ordinal));

        Assert.False(loaded.Succeeded);
        Assert.Contains("version", Assert.Single(loaded.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownProperty_Error()
    {
        var loaded = InstrumentJson.Read(Licensed.Replace("\"name\":", "\"nmae\": \"x\", \"name\":", StringComparison.Ordinal));

        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void Read_UnknownMethod_Error()
    {
        var loaded = InstrumentJson.Read(Licensed.Replace("\"sum\"", "\"median\"", StringComparison.Ordinal));

        Assert.False(loaded.Succeeded);
    }

    [Fact]
    public void Read_TotalRangeNotMatchingItems_ValidationError()
    {
        var loaded = InstrumentJson.Read(Licensed.Replace("\"totalMax\": 8", "\"totalMax\": 28", StringComparison.Ordinal));

        Assert.False(loaded.Succeeded);
        var error = Assert.Single(loaded.Errors);
        Assert.Equal("totalMax", error.Field);
        Assert.Equal("The total range 0–28 does not match the items, which give 0–8.", error.Message);
    }
}
