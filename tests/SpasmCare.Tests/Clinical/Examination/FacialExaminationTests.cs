using System.Text.Json;
using System.Text.Json.Serialization;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Examination;

public sealed class FacialExaminationTests
{
    private static readonly FacialExamination Typical = new()
    {
        Side = AffectedSide.Left,
        InvolvedRegions = [FacialRegion.LowerLid, FacialRegion.UpperLid, FacialRegion.Cheek],
        OnsetRegion = FacialRegion.LowerLid,
        Spread = SpreadPattern.Typical,
        AgeAtOnsetYears = 50,
        DurationMonths = 24,
    };

    [Fact]
    public void New_NothingRecorded_EverythingUnknownAndValid()
    {
        var exam = new FacialExamination();

        Assert.Equal(AffectedSide.Unknown, exam.Side);
        Assert.Equal(SpreadPattern.Unknown, exam.Spread);
        Assert.Equal(ContractionType.Unknown, exam.Contraction);
        Assert.Empty(exam.InvolvedRegions);
        Assert.Null(exam.OtherBabinskiSign);
        Assert.Empty(exam.Validate());
    }

    [Fact]
    public void Validate_ConsistentTypicalExam_NoErrors()
    {
        Assert.Empty(Typical.Validate(patientAgeYears: 55));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    public void Validate_AgeAtOnsetOutside0To120_ErrorOnAgeAtOnset(int age)
    {
        var errors = (Typical with { AgeAtOnsetYears = age }).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(FacialExamination.AgeAtOnsetYears), error.Field);
        Assert.Contains("between 0 and 120", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(120)]
    public void Validate_AgeAtOnsetAtBounds_Valid(int age)
    {
        Assert.Empty((Typical with { AgeAtOnsetYears = age, DurationMonths = null }).Validate());
    }

    [Fact]
    public void Validate_AgeAtOnsetAbovePatientAge_Error()
    {
        var errors = Typical.Validate(patientAgeYears: 45);

        Assert.Equal(nameof(FacialExamination.AgeAtOnsetYears), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_NegativeDuration_Error()
    {
        var errors = (Typical with { DurationMonths = -1 }).Validate();

        Assert.Equal(nameof(FacialExamination.DurationMonths), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_DurationLongerThanSinceOnset_Error()
    {
        var errors = (Typical with { AgeAtOnsetYears = 50, DurationMonths = 10 * 12 }).Validate(patientAgeYears: 52);

        Assert.Equal(nameof(FacialExamination.DurationMonths), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_OnsetRegionNotInvolved_Error()
    {
        var errors = (Typical with { OnsetRegion = FacialRegion.Brow, Spread = SpreadPattern.NotSpread }).Validate();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(FacialExamination.OnsetRegion), error.Field);
        Assert.Equal("The onset region must be one of the involved regions.", error.Message);
    }

    [Fact]
    public void Validate_TypicalSpreadFromLowerFace_Error()
    {
        var errors = (Typical with { OnsetRegion = FacialRegion.Cheek }).Validate();

        Assert.Equal(nameof(FacialExamination.Spread), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_AtypicalSpreadFromEyelid_Error()
    {
        var errors = (Typical with { Spread = SpreadPattern.Atypical }).Validate();

        Assert.Equal(nameof(FacialExamination.Spread), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_SpreadWithOneRegion_Error()
    {
        var exam = Typical with { InvolvedRegions = [FacialRegion.LowerLid] };

        var error = Assert.Single(exam.Validate());

        Assert.Equal("A spread needs at least two involved regions.", error.Message);
    }

    [Fact]
    public void Validate_SidesSynchronyWithOneSide_Error()
    {
        var errors = (Typical with { BothSidesSynchronous = true }).Validate();

        Assert.Equal(nameof(FacialExamination.BothSidesSynchronous), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_UndefinedEnumValues_ErrorPerField()
    {
        var exam = new FacialExamination { Side = (AffectedSide)9, Spread = (SpreadPattern)9, Contraction = (ContractionType)9 };

        var fields = exam.Validate().Select(e => e.Field);

        Assert.Equal([nameof(FacialExamination.Side), nameof(FacialExamination.Spread), nameof(FacialExamination.Contraction)], fields);
    }

    [Fact]
    public void Validate_TextLongerThanLimit_Error()
    {
        var errors = (Typical with { RelievingFactors = new string('x', FacialExamination.MaxTextLength + 1) }).Validate();

        Assert.Equal(nameof(FacialExamination.RelievingFactors), Assert.Single(errors).Field);
    }

    [Fact]
    public void With_StartFromPrevious_KeepsEarlierFindings()
    {
        var previous = Typical with { OtherBabinskiSign = true };

        var next = previous with { DurationMonths = 30 };

        Assert.True(next.OtherBabinskiSign);
        Assert.Equal(previous.InvolvedRegions, next.InvolvedRegions);
        Assert.Equal(30, next.DurationMonths);
    }

    [Fact]
    public void Json_RoundTrip_KeepsRegionsAndFindings()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        var exam = Typical with { OtherBabinskiSign = false, Contraction = ContractionType.Both, RelievingFactors = "sleep" };

        var json = JsonSerializer.Serialize(exam, options);
        var back = JsonSerializer.Deserialize<FacialExamination>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Contains("\"LowerLid\"", json, StringComparison.Ordinal);
        Assert.Equal(exam.InvolvedRegions.Order(), back.InvolvedRegions.Order());
        Assert.False(back.OtherBabinskiSign);
        Assert.Null(back.HearingLoss);
    }
}
