using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Differential;

public sealed class BlepharospasmCriteriaTests
{
    private static readonly FacialExamination Step1Met = new()
    {
        Side = AffectedSide.Both,
        BothSidesSynchronous = true,
        InvolvedRegions = [FacialRegion.UpperLid, FacialRegion.LowerLid],
    };

    [Fact]
    public void Evaluate_BilateralSynchronousWithSensoryTrick_Met()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { SensoryTrick = true });

        Assert.Equal(CriteriaOutcome.Met, result.Outcome);
        Assert.Equal(CriteriaOutcome.Met, result.Step1);
        Assert.Equal(CriteriaOutcome.Met, result.Step2);
    }

    [Fact]
    public void Evaluate_NoSensoryTrickButIncreasedBlinking_Met()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { SensoryTrick = false, IncreasedBlinking = true });

        Assert.Equal(CriteriaOutcome.Met, result.Outcome);
    }

    [Fact]
    public void Evaluate_NoSensoryTrickButCannotSuppress_Met()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { SensoryTrick = false, IncreasedBlinking = false, VoluntarilySuppressible = false });

        Assert.Equal(CriteriaOutcome.Met, result.Outcome);
    }

    [Fact]
    public void Evaluate_NoTrickNoBlinkingSuppressible_Step2NotMet()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { SensoryTrick = false, IncreasedBlinking = false, VoluntarilySuppressible = true });

        Assert.Equal(CriteriaOutcome.NotMet, result.Outcome);
        Assert.Equal(CriteriaOutcome.Met, result.Step1);
        Assert.Equal(CriteriaOutcome.NotMet, result.Step2);
    }

    [Theory]
    [InlineData(AffectedSide.Left)]
    [InlineData(AffectedSide.Right)]
    public void Evaluate_OneSide_Step1NotMetWhateverStep2(AffectedSide side)
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { Side = side, BothSidesSynchronous = null, SensoryTrick = true });

        Assert.Equal(CriteriaOutcome.NotMet, result.Outcome);
        Assert.Equal(CriteriaOutcome.NotMet, result.Step1);
        Assert.Contains("one side", result.Step1Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SidesAsynchronous_Step1NotMet()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { BothSidesSynchronous = false, SensoryTrick = true });

        Assert.Equal(CriteriaOutcome.NotMet, result.Step1);
    }

    [Fact]
    public void Evaluate_EyelidsNotInvolved_Step1NotMet()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { InvolvedRegions = [FacialRegion.Brow], SensoryTrick = true });

        Assert.Equal(CriteriaOutcome.NotMet, result.Step1);
    }

    [Fact]
    public void Evaluate_SynchronyUnknown_Indeterminate()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { BothSidesSynchronous = null, SensoryTrick = true });

        Assert.Equal(CriteriaOutcome.Indeterminate, result.Outcome);
        Assert.Equal(CriteriaOutcome.Indeterminate, result.Step1);
    }

    [Fact]
    public void Evaluate_Step2FindingsUnknown_Indeterminate()
    {
        var result = BlepharospasmCriteria.Evaluate(Step1Met with { SensoryTrick = false });

        Assert.Equal(CriteriaOutcome.Indeterminate, result.Outcome);
        Assert.Equal(CriteriaOutcome.Indeterminate, result.Step2);
    }
}
