using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Differential;

public sealed class RedFlagsTests
{
    private static readonly FacialExamination None = new();

    private static IEnumerable<string> Codes(FacialExamination exam) => RedFlags.Evaluate(exam).RedFlags.Select(f => f.Code);

    [Fact]
    public void Evaluate_NothingRecorded_NoAdvice()
    {
        var advice = RedFlags.Evaluate(None);

        Assert.False(advice.IsAdvised);
        Assert.Null(advice.Text);
        Assert.Empty(advice.RedFlags);
    }

    [Fact]
    public void Evaluate_OnsetAt39_FlagNamingTheAge()
    {
        var advice = RedFlags.Evaluate(None with { AgeAtOnsetYears = 39 });

        Assert.True(advice.IsAdvised);
        Assert.Equal("Imaging advised before botulinum toxin", advice.Text);
        var flag = Assert.Single(advice.RedFlags);
        Assert.Equal(RedFlags.OnsetBefore40, flag.Code);
        Assert.StartsWith("Onset at age 39", flag.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnsetAt40_NoFlag()
    {
        Assert.Empty(Codes(None with { AgeAtOnsetYears = 40 }));
    }

    [Fact]
    public void Evaluate_BothSides_Flag()
    {
        Assert.Equal([RedFlags.BothSides], Codes(None with { Side = AffectedSide.Both }));
    }

    [Fact]
    public void Evaluate_FacialWeakness_Flag()
    {
        Assert.Equal([RedFlags.FacialWeakness], Codes(None with { FacialWeakness = true }));
    }

    [Fact]
    public void Evaluate_FacialSensoryDeficit_Flag()
    {
        Assert.Equal([RedFlags.FacialSensoryDeficit], Codes(None with { FacialSensoryDeficit = true }));
    }

    [Fact]
    public void Evaluate_HearingLoss_Flag()
    {
        Assert.Equal([RedFlags.HearingLoss], Codes(None with { HearingLoss = true }));
    }

    [Fact]
    public void Evaluate_OtherCranialNerveSigns_Flag()
    {
        Assert.Equal([RedFlags.OtherCranialNerveSigns], Codes(None with { OtherCranialNerveSigns = true }));
    }

    [Theory]
    [InlineData(ContractionType.Tonic)]
    [InlineData(ContractionType.Both)]
    public void Evaluate_LowerFaceOnsetWithTonicPulling_Flag(ContractionType contraction)
    {
        var exam = None with
        {
            InvolvedRegions = [FacialRegion.Mouth, FacialRegion.LowerLid],
            OnsetRegion = FacialRegion.Mouth,
            Contraction = contraction,
        };

        Assert.Equal([RedFlags.LowerFaceOnsetWithTonicPulling], Codes(exam));
    }

    [Fact]
    public void Evaluate_OnsetUnrecordedButOnlyLowerFaceInvolvedAndTonic_Flag()
    {
        var exam = None with { InvolvedRegions = [FacialRegion.Chin], Contraction = ContractionType.Tonic };

        Assert.Equal([RedFlags.LowerFaceOnsetWithTonicPulling], Codes(exam));
    }

    [Fact]
    public void Evaluate_LowerFaceOnsetClonic_NoFlag()
    {
        var exam = None with
        {
            InvolvedRegions = [FacialRegion.Mouth],
            OnsetRegion = FacialRegion.Mouth,
            Contraction = ContractionType.Clonic,
        };

        Assert.Empty(Codes(exam));
    }

    [Fact]
    public void Evaluate_EyelidOnsetTonic_NoFlag()
    {
        var exam = None with
        {
            InvolvedRegions = [FacialRegion.UpperLid, FacialRegion.Mouth],
            OnsetRegion = FacialRegion.UpperLid,
            Contraction = ContractionType.Tonic,
        };

        Assert.Empty(Codes(exam));
    }

    [Fact]
    public void Evaluate_OtherBabinskiAbsent_Flag()
    {
        Assert.Equal([RedFlags.AbsentOtherBabinski], Codes(None with { OtherBabinskiSign = false }));
    }

    [Fact]
    public void Evaluate_AllNegative_NoAdvice()
    {
        var exam = None with
        {
            Side = AffectedSide.Right,
            AgeAtOnsetYears = 55,
            FacialWeakness = false,
            FacialSensoryDeficit = false,
            HearingLoss = false,
            OtherCranialNerveSigns = false,
            OtherBabinskiSign = true,
        };

        Assert.False(RedFlags.Evaluate(exam).IsAdvised);
    }

    [Fact]
    public void Evaluate_SeveralFlags_AllListedWithoutNoteWhenNotBlepharospasm()
    {
        var advice = RedFlags.Evaluate(None with { Side = AffectedSide.Right, FacialWeakness = true, HearingLoss = true });

        Assert.Equal([RedFlags.FacialWeakness, RedFlags.HearingLoss], advice.RedFlags.Select(f => f.Code));
        Assert.Null(advice.Note);
    }
}
