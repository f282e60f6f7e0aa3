using System.Collections.Immutable;
using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Differential;

/// <summary>
/// One test per differential rule: an examination recording only the rule's finding must fire it with its weight,
/// and, for rules that combine findings or thresholds, a near miss must not.
/// </summary>
public sealed class DifferentialRulesTests
{
    private static readonly FacialExamination None = new();

    private static ImmutableHashSet<FacialRegion> Regions(params FacialRegion[] regions) => [.. regions];

    private static readonly Dictionary<string, FacialExamination> Triggers = new(StringComparer.Ordinal)
    {
        ["hfs.unilateral"] = None with { Side = AffectedSide.Left },
        ["hfs.typical-spread"] = None with { Spread = SpreadPattern.Typical },
        ["hfs.atypical-spread"] = None with { Spread = SpreadPattern.Atypical },
        ["hfs.eyelid-onset"] = None with { InvolvedRegions = Regions(FacialRegion.UpperLid), OnsetRegion = FacialRegion.UpperLid },
        ["hfs.upper-and-lower-face"] = None with { Side = AffectedSide.Left, InvolvedRegions = Regions(FacialRegion.LowerLid, FacialRegion.Mouth) },
        ["hfs.other-babinski"] = None with { OtherBabinskiSign = true },
        ["hfs.synchronous"] = None with { UpperLowerFaceSynchronous = true },
        ["hfs.persists-in-sleep"] = None with { PersistsInSleep = true },
        ["hfs.clonic"] = None with { Contraction = ContractionType.Clonic },
        ["hfs.ear-click"] = None with { EarClick = true },
        ["hfs.bilateral"] = None with { Side = AffectedSide.Both },
        ["hfs.no-other-babinski"] = None with { OtherBabinskiSign = false },
        ["hfs.asynchronous"] = None with { UpperLowerFaceSynchronous = false },
        ["hfs.stops-in-sleep"] = None with { PersistsInSleep = false },
        ["hfs.earlier-palsy"] = None with { EarlierFacialPalsy = true },
        ["hfs.voluntary-trigger"] = None with { TriggeredByVoluntaryMovement = true },
        ["hfs.red-flag"] = None with { HearingLoss = true },
        ["hfs.sensory-trick"] = None with { SensoryTrick = true },
        ["hfs.suppressible"] = None with { VoluntarilySuppressible = true },
        ["hfs.tonic-only"] = None with { Contraction = ContractionType.Tonic },
        ["hfs.mouth-angle-down"] = None with { MouthAngleDeviatedDownward = true },
        ["hfs.jaw-only"] = None with { InvolvedRegions = Regions(FacialRegion.Jaw) },
        ["hfs.vermicular"] = None with { VermicularUndulation = true },
        ["hfs.premonitory-urge"] = None with { PremonitoryUrge = true },
        ["hfs.beyond-face"] = None with { SpreadsBeyondFace = true },

        ["shfs.hfs-pattern"] = None with { Side = AffectedSide.Right, InvolvedRegions = Regions(FacialRegion.Cheek) },
        ["shfs.onset-before-40"] = None with { AgeAtOnsetYears = 39 },
        ["shfs.weakness"] = None with { FacialWeakness = true },
        ["shfs.sensory-deficit"] = None with { FacialSensoryDeficit = true },
        ["shfs.hearing-loss"] = None with { HearingLoss = true },
        ["shfs.other-cranial-nerves"] = None with { OtherCranialNerveSigns = true },
        ["shfs.earlier-palsy"] = None with { EarlierFacialPalsy = true },
        ["shfs.bilateral"] = None with { Side = AffectedSide.Both },
        ["shfs.lower-face-tonic"] = None with { InvolvedRegions = Regions(FacialRegion.Mouth), OnsetRegion = FacialRegion.Mouth, Contraction = ContractionType.Tonic },
        ["shfs.no-other-babinski"] = None with { OtherBabinskiSign = false },
        ["shfs.no-red-flags"] = None with { AgeAtOnsetYears = 40, FacialWeakness = false, HearingLoss = false, OtherCranialNerveSigns = false },
        ["shfs.vermicular"] = None with { VermicularUndulation = true },
        ["shfs.jaw-only"] = None with { InvolvedRegions = Regions(FacialRegion.Jaw) },

        ["bsp.criteria-met"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = true, InvolvedRegions = Regions(FacialRegion.UpperLid), SensoryTrick = true },
        ["bsp.bilateral"] = None with { Side = AffectedSide.Both },
        ["bsp.sides-synchronous"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = true },
        ["bsp.sensory-trick"] = None with { SensoryTrick = true },
        ["bsp.increased-blinking"] = None with { IncreasedBlinking = true },
        ["bsp.not-suppressible"] = None with { VoluntarilySuppressible = false },
        ["bsp.unilateral"] = None with { Side = AffectedSide.Left },
        ["bsp.sides-asynchronous"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = false },
        ["bsp.no-eyelid"] = None with { InvolvedRegions = Regions(FacialRegion.Cheek) },
        ["bsp.step2-not-met"] = None with { SensoryTrick = false, IncreasedBlinking = false, VoluntarilySuppressible = true },
        ["bsp.lower-face"] = None with { InvolvedRegions = Regions(FacialRegion.Chin) },
        ["bsp.other-babinski"] = None with { OtherBabinskiSign = true },

        ["syn.earlier-palsy"] = None with { EarlierFacialPalsy = true },
        ["syn.voluntary-trigger"] = None with { TriggeredByVoluntaryMovement = true },
        ["syn.weakness"] = None with { FacialWeakness = true },
        ["syn.no-palsy"] = None with { EarlierFacialPalsy = false },
        ["syn.not-triggered"] = None with { TriggeredByVoluntaryMovement = false },
        ["syn.bilateral"] = None with { Side = AffectedSide.Both },

        ["myo.vermicular"] = None with { VermicularUndulation = true },
        ["myo.other-cranial-nerves"] = None with { OtherCranialNerveSigns = true },
        ["myo.no-vermicular"] = None with { VermicularUndulation = false },

        ["tic.youth-onset"] = None with { AgeAtOnsetYears = 19 },
        ["tic.suppressible"] = None with { VoluntarilySuppressible = true },
        ["tic.premonitory-urge"] = None with { PremonitoryUrge = true },
        ["tic.stops-in-sleep"] = None with { PersistsInSleep = false },
        ["tic.bilateral"] = None with { Side = AffectedSide.Both },
        ["tic.persists-in-sleep"] = None with { PersistsInSleep = true },
        ["tic.not-suppressible"] = None with { VoluntarilySuppressible = false },
        ["tic.late-onset"] = None with { AgeAtOnsetYears = 40 },

        ["hms.jaw"] = None with { InvolvedRegions = Regions(FacialRegion.Jaw, FacialRegion.Cheek) },
        ["hms.jaw-only"] = None with { InvolvedRegions = Regions(FacialRegion.Jaw) },
        ["hms.unilateral"] = None with { Side = AffectedSide.Left, InvolvedRegions = Regions(FacialRegion.Jaw) },
        ["hms.no-jaw"] = None with { InvolvedRegions = Regions(FacialRegion.Cheek) },

        ["fun.mouth-angle-down"] = None with { MouthAngleDeviatedDownward = true },
        ["fun.tonic"] = None with { Contraction = ContractionType.Both },
        ["fun.lower-face-only"] = None with { InvolvedRegions = Regions(FacialRegion.Neck) },
        ["fun.bilateral-asynchronous"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = false },
        ["fun.no-other-babinski"] = None with { OtherBabinskiSign = false },
        ["fun.young-onset"] = None with { AgeAtOnsetYears = 39 },
        ["fun.other-babinski"] = None with { OtherBabinskiSign = true },
        ["fun.clonic-only"] = None with { Contraction = ContractionType.Clonic },

        ["sz.beyond-face"] = None with { SpreadsBeyondFace = true },
        ["sz.face-only"] = None with { SpreadsBeyondFace = false },
    };

    private static readonly Dictionary<string, FacialExamination> NearMisses = new(StringComparer.Ordinal)
    {
        ["hfs.eyelid-onset"] = None with { InvolvedRegions = Regions(FacialRegion.Brow), OnsetRegion = FacialRegion.Brow },
        ["hfs.upper-and-lower-face"] = None with { Side = AffectedSide.Both, InvolvedRegions = Regions(FacialRegion.LowerLid, FacialRegion.Mouth) },
        ["hfs.red-flag"] = None with { AgeAtOnsetYears = 40, FacialWeakness = false, FacialSensoryDeficit = false, HearingLoss = false, OtherCranialNerveSigns = false },
        ["hfs.tonic-only"] = None with { Contraction = ContractionType.Both },
        ["hfs.jaw-only"] = None with { InvolvedRegions = Regions(FacialRegion.Jaw, FacialRegion.Cheek) },
        ["shfs.hfs-pattern"] = None with { Side = AffectedSide.Left, InvolvedRegions = Regions(FacialRegion.Jaw) },
        ["shfs.onset-before-40"] = None with { AgeAtOnsetYears = 40 },
        ["shfs.lower-face-tonic"] = None with { InvolvedRegions = Regions(FacialRegion.Mouth), OnsetRegion = FacialRegion.Mouth, Contraction = ContractionType.Clonic },
        ["shfs.no-red-flags"] = None with { AgeAtOnsetYears = 40, FacialWeakness = false, HearingLoss = false },
        ["bsp.criteria-met"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = true, InvolvedRegions = Regions(FacialRegion.UpperLid), SensoryTrick = false, IncreasedBlinking = false, VoluntarilySuppressible = true },
        ["bsp.sides-synchronous"] = None with { BothSidesSynchronous = true },
        ["bsp.no-eyelid"] = None,
        ["bsp.step2-not-met"] = None with { IncreasedBlinking = false, VoluntarilySuppressible = true },
        ["tic.youth-onset"] = None with { AgeAtOnsetYears = 20 },
        ["hms.unilateral"] = None with { Side = AffectedSide.Left, InvolvedRegions = Regions(FacialRegion.Cheek) },
        ["hms.no-jaw"] = None,
        ["fun.lower-face-only"] = None with { InvolvedRegions = Regions(FacialRegion.Mouth, FacialRegion.UpperLid) },
        ["fun.bilateral-asynchronous"] = None with { Side = AffectedSide.Both, BothSidesSynchronous = true },
        ["fun.clonic-only"] = None with { Contraction = ContractionType.Both },
    };

    public static TheoryData<string> RuleCodes => new(DifferentialRules.All.Select(r => r.Code));

    public static TheoryData<string> NearMissCodes => new(NearMisses.Keys);

    private static IEnumerable<DifferentialFinding> FindingsOf(string code, FacialExamination exam)
    {
        var rule = DifferentialRules.All.Single(r => r.Code == code);
        var entry = DifferentialDiagnosis.Evaluate(exam).Entries.Single(e => e.Condition == rule.Condition);
        return entry.For.Concat(entry.Against);
    }

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Rule_ItsFindingRecorded_FiresWithItsWeight(string code)
    {
        var rule = DifferentialRules.All.Single(r => r.Code == code);

        var finding = Assert.Single(FindingsOf(code, Triggers[code]), f => f.Code == code);

        Assert.Equal(rule.Weight, finding.Weight);
        Assert.Equal(rule.Finding, finding.Text);
    }

    [Theory]
    [MemberData(nameof(NearMissCodes))]
    public void Rule_NearMiss_DoesNotFire(string code)
    {
        Assert.DoesNotContain(code, FindingsOf(code, NearMisses[code]).Select(f => f.Code));
    }

    [Fact]
    public void Triggers_CoverEveryRule()
    {
        Assert.Equal(DifferentialRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), Triggers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_CodesUniqueWeightsNonZeroSectionsFromDomain()
    {
        Assert.Equal(DifferentialRules.All.Count, DifferentialRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DifferentialRules.All, r => Assert.NotEqual(0, r.Weight));
        Assert.All(DifferentialRules.All, r => Assert.StartsWith("DOMAIN §", r.Section, StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_EveryConditionHasFindingsForAndAgainst()
    {
        Assert.All(Enum.GetValues<DifferentialCondition>(), c => Assert.Contains(DifferentialRules.All, r => r.Condition == c && r.Weight > 0));
        Assert.All(Enum.GetValues<DifferentialCondition>(), c => Assert.Contains(DifferentialRules.All, r => r.Condition == c && r.Weight < 0));
    }
}
