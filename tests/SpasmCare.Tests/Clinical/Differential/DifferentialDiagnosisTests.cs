using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Differential;

public sealed class DifferentialDiagnosisTests
{
    private static IEnumerable<string> ForCodes(DifferentialResult result, DifferentialCondition condition) =>
        result.Entries.Single(e => e.Condition == condition).For.Select(f => f.Code);

    private static IEnumerable<string> AgainstCodes(DifferentialResult result, DifferentialCondition condition) =>
        result.Entries.Single(e => e.Condition == condition).Against.Select(f => f.Code);

    [Fact]
    public void Evaluate_TypicalHfs_PrimaryHfsFirstForItsSigns()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.TypicalHfs);

        Assert.Equal(DifferentialCondition.PrimaryHemifacialSpasm, result.Top.Condition);
        Assert.Equal(1, result.Top.Rank);
        Assert.Equal(["hfs.other-babinski", "hfs.unilateral", "hfs.typical-spread", "hfs.synchronous"], result.Top.For.Select(f => f.Code).Take(4));
        Assert.Empty(result.Top.Against);
        Assert.False(result.Imaging.IsAdvised);
        Assert.Contains("shfs.no-red-flags", AgainstCodes(result, DifferentialCondition.SecondaryHemifacialSpasm));
        Assert.Contains("bsp.unilateral", AgainstCodes(result, DifferentialCondition.Blepharospasm));
    }

    [Fact]
    public void Evaluate_AtypicalHfs_PrimaryHfsFirstNamingTheAtypicalSpread()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.AtypicalHfs);

        Assert.Equal(DifferentialCondition.PrimaryHemifacialSpasm, result.Top.Condition);
        Assert.Contains("hfs.atypical-spread", result.Top.For.Select(f => f.Code));
        Assert.Contains("2–3%", result.Top.For.Single(f => f.Code == "hfs.atypical-spread").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hfs.typical-spread", result.Top.For.Select(f => f.Code));
        Assert.False(result.Imaging.IsAdvised);
    }

    [Fact]
    public void Evaluate_Blepharospasm_BlepharospasmFirstAndCriteriaMet()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.Blepharospasm);

        Assert.Equal(DifferentialCondition.Blepharospasm, result.Top.Condition);
        Assert.Equal(CriteriaOutcome.Met, result.Blepharospasm.Outcome);
        Assert.Contains("bsp.criteria-met", result.Top.For.Select(f => f.Code));
        Assert.Contains("bsp.sensory-trick", result.Top.For.Select(f => f.Code));
        Assert.Contains("hfs.bilateral", AgainstCodes(result, DifferentialCondition.PrimaryHemifacialSpasm));
        Assert.Equal("DOMAIN §1.3, §1.4", result.Top.Section);
    }

    [Fact]
    public void Evaluate_Blepharospasm_ImagingFlagsCarryANoteThatTheyAreHfsFlags()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.Blepharospasm);

        Assert.True(result.Imaging.IsAdvised);
        Assert.Contains(RedFlags.BothSides, result.Imaging.RedFlags.Select(f => f.Code));
        Assert.NotNull(result.Imaging.Note);
    }

    [Fact]
    public void Evaluate_PostBellsSynkinesis_SynkinesisFirstForPalsyAndVoluntaryTrigger()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.PostBellsSynkinesis);

        Assert.Equal(DifferentialCondition.PostParalyticSynkinesis, result.Top.Condition);
        Assert.Equal(["syn.earlier-palsy", "syn.voluntary-trigger", "syn.weakness"], result.Top.For.Select(f => f.Code));
        Assert.Contains("hfs.earlier-palsy", AgainstCodes(result, DifferentialCondition.PrimaryHemifacialSpasm));
        Assert.Contains("hfs.voluntary-trigger", AgainstCodes(result, DifferentialCondition.PrimaryHemifacialSpasm));
        Assert.Contains(RedFlags.FacialWeakness, result.Imaging.RedFlags.Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_PostBellsSynkinesis_SecondaryHfsRanksAbovePrimary()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.PostBellsSynkinesis);

        var secondary = result.Entries.Single(e => e.Condition == DifferentialCondition.SecondaryHemifacialSpasm);
        var primary = result.Entries.Single(e => e.Condition == DifferentialCondition.PrimaryHemifacialSpasm);
        Assert.True(secondary.Rank < primary.Rank);
        Assert.Contains("shfs.earlier-palsy", secondary.For.Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_FunctionalSpasm_FunctionalFirstForMouthAngleAndTonicPulling()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.FunctionalSpasm);

        Assert.Equal(DifferentialCondition.FunctionalFacialSpasm, result.Top.Condition);
        Assert.Equal(["fun.mouth-angle-down", "fun.tonic", "fun.lower-face-only"], result.Top.For.Select(f => f.Code).Take(3));
        Assert.Contains("hfs.mouth-angle-down", AgainstCodes(result, DifferentialCondition.PrimaryHemifacialSpasm));
    }

    [Fact]
    public void Evaluate_FunctionalSpasm_ImagingAdvisedForYoungOnsetAndLowerFaceTonicOnset()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.FunctionalSpasm);

        Assert.True(result.Imaging.IsAdvised);
        Assert.Equal(
            [RedFlags.OnsetBefore40, RedFlags.LowerFaceOnsetWithTonicPulling, RedFlags.AbsentOtherBabinski],
            result.Imaging.RedFlags.Select(f => f.Code));
        Assert.Equal("Imaging advised before botulinum toxin", result.Imaging.Text);
    }

    [Fact]
    public void Evaluate_HemimasticatorySpasm_HemimasticatoryFirstBecauseJawIsTrigeminal()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.HemimasticatorySpasm);

        Assert.Equal(DifferentialCondition.HemimasticatorySpasm, result.Top.Condition);
        Assert.Equal(["hms.jaw", "hms.jaw-only", "hms.unilateral"], result.Top.For.Select(f => f.Code));
        Assert.Contains("trigeminal", result.Top.For[0].Text, StringComparison.Ordinal);
        Assert.Contains("hfs.jaw-only", AgainstCodes(result, DifferentialCondition.PrimaryHemifacialSpasm));
    }

    [Fact]
    public void Evaluate_Myokymia_MyokymiaFirst()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.Myokymia);

        Assert.Equal(DifferentialCondition.FacialMyokymia, result.Top.Condition);
        Assert.Contains("myo.vermicular", result.Top.For.Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_Tics_TicsFirst()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.Tics);

        Assert.Equal(DifferentialCondition.MotorTics, result.Top.Condition);
        Assert.Equal(["tic.premonitory-urge", "tic.youth-onset", "tic.suppressible"], result.Top.For.Select(f => f.Code).Take(3));
    }

    [Fact]
    public void Evaluate_FocalSeizures_SeizuresFirst()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.FocalSeizures);

        Assert.Equal(DifferentialCondition.FocalMotorSeizures, result.Top.Condition);
        Assert.Contains("sz.beyond-face", result.Top.For.Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_NothingRecorded_NoFindingsAllTiedAndEveryKeyFindingUnrecorded()
    {
        var result = DifferentialDiagnosis.Evaluate(new FacialExamination());

        Assert.All(result.Entries, e => Assert.Empty(e.For));
        Assert.All(result.Entries, e => Assert.Empty(e.Against));
        Assert.All(result.Entries, e => Assert.Equal(1, e.Rank));
        Assert.Equal(Enum.GetValues<DifferentialCondition>(), result.Entries.Select(e => e.Condition));
        Assert.False(result.Imaging.IsAdvised);
        Assert.Equal(CriteriaOutcome.Indeterminate, result.Blepharospasm.Outcome);
        Assert.Contains(nameof(FacialExamination.OtherBabinskiSign), result.Unrecorded.Select(u => u.Field));
        Assert.Equal(15, result.Unrecorded.Count);
    }

    [Fact]
    public void Evaluate_TypicalHfs_RecordedFindingsAreNotListedAsUnrecorded()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.TypicalHfs);

        Assert.Empty(result.Unrecorded);
    }

    [Fact]
    public void Evaluate_Always_ListsEveryConditionOnceWithScoreEqualToWeights()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.PostBellsSynkinesis);

        Assert.Equal(9, result.Entries.Select(e => e.Condition).Distinct().Count());
        Assert.All(result.Entries, e => Assert.Equal(e.Score, e.For.Sum(f => f.Weight) + e.Against.Sum(f => f.Weight)));
        Assert.All(result.Entries, e => Assert.All(e.For, f => Assert.True(f.Weight > 0)));
        Assert.All(result.Entries, e => Assert.All(e.Against, f => Assert.True(f.Weight < 0)));
    }

    [Fact]
    public void Evaluate_Always_RanksByDescendingScore()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.FunctionalSpasm);

        Assert.Equal(result.Entries.Select(e => e.Score).OrderDescending(), result.Entries.Select(e => e.Score));
        Assert.Equal(result.Entries.Select(e => e.Rank).Order(), result.Entries.Select(e => e.Rank));
    }

    [Fact]
    public void Evaluate_SameExamTwice_SameResult()
    {
        var first = DifferentialDiagnosis.Evaluate(WorkedCases.Blepharospasm);
        var second = DifferentialDiagnosis.Evaluate(WorkedCases.Blepharospasm);

        Assert.Equal(
            first.Entries.Select(e => (e.Condition, e.Score, e.Rank)),
            second.Entries.Select(e => (e.Condition, e.Score, e.Rank)));
    }

    [Fact]
    public void Evaluate_EveryFinding_NamesADomainSection()
    {
        var result = DifferentialDiagnosis.Evaluate(WorkedCases.TypicalHfs);

        Assert.All(result.Entries.SelectMany(e => e.For.Concat(e.Against)), f => Assert.StartsWith("DOMAIN §", f.Section, StringComparison.Ordinal));
        Assert.All(result.Entries, e => Assert.StartsWith("DOMAIN §", e.Section, StringComparison.Ordinal));
    }

    [Fact]
    public void NameOf_EveryCondition_HasAName()
    {
        Assert.All(Enum.GetValues<DifferentialCondition>(), c => Assert.False(string.IsNullOrWhiteSpace(DifferentialDiagnosis.NameOf(c))));
    }
}
