using System.Collections.Immutable;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Differential;

/// <summary>Examinations of textbook patients, built from the pictures DOMAIN §1.1–§1.4 describes.</summary>
internal static class WorkedCases
{
    private static ImmutableHashSet<FacialRegion> Regions(params FacialRegion[] regions) => [.. regions];

    /// <summary>Left HFS, began in the lower lid, spread down; other Babinski sign; synchronous; persists in sleep.</summary>
    public static FacialExamination TypicalHfs { get; } = new()
    {
        Side = AffectedSide.Left,
        InvolvedRegions = Regions(FacialRegion.LowerLid, FacialRegion.UpperLid, FacialRegion.Cheek, FacialRegion.Mouth),
        OnsetRegion = FacialRegion.LowerLid,
        Spread = SpreadPattern.Typical,
        UpperLowerFaceSynchronous = true,
        OtherBabinskiSign = true,
        Contraction = ContractionType.Clonic,
        PersistsInSleep = true,
        SensoryTrick = false,
        IncreasedBlinking = false,
        VoluntarilySuppressible = false,
        TriggeredByVoluntaryMovement = false,
        EarlierFacialPalsy = false,
        FacialWeakness = false,
        FacialSensoryDeficit = false,
        HearingLoss = false,
        EarClick = true,
        OtherCranialNerveSigns = false,
        AgeAtOnsetYears = 52,
        DurationMonths = 30,
    };

    /// <summary>Right HFS that began around the mouth and spread up to the lower lid; clonic; no red flags.</summary>
    public static FacialExamination AtypicalHfs { get; } = new()
    {
        Side = AffectedSide.Right,
        InvolvedRegions = Regions(FacialRegion.Mouth, FacialRegion.Cheek, FacialRegion.LowerLid),
        OnsetRegion = FacialRegion.Mouth,
        Spread = SpreadPattern.Atypical,
        UpperLowerFaceSynchronous = true,
        OtherBabinskiSign = true,
        Contraction = ContractionType.Clonic,
        PersistsInSleep = true,
        TriggeredByVoluntaryMovement = false,
        EarlierFacialPalsy = false,
        FacialWeakness = false,
        HearingLoss = false,
        OtherCranialNerveSigns = false,
        AgeAtOnsetYears = 48,
    };

    /// <summary>Bilateral synchronous eyelid spasm with a sensory trick and increased blinking, stops in sleep.</summary>
    public static FacialExamination Blepharospasm { get; } = new()
    {
        Side = AffectedSide.Both,
        BothSidesSynchronous = true,
        InvolvedRegions = Regions(FacialRegion.UpperLid, FacialRegion.LowerLid, FacialRegion.Corrugator),
        OnsetRegion = FacialRegion.UpperLid,
        Spread = SpreadPattern.NotSpread,
        OtherBabinskiSign = false,
        SensoryTrick = true,
        IncreasedBlinking = true,
        VoluntarilySuppressible = false,
        PersistsInSleep = false,
        EarlierFacialPalsy = false,
        AgeAtOnsetYears = 58,
    };

    /// <summary>Left face after Bell's palsy: eye closes when smiling, residual weakness.</summary>
    public static FacialExamination PostBellsSynkinesis { get; } = new()
    {
        Side = AffectedSide.Left,
        InvolvedRegions = Regions(FacialRegion.UpperLid, FacialRegion.Cheek, FacialRegion.Mouth),
        EarlierFacialPalsy = true,
        TriggeredByVoluntaryMovement = true,
        FacialWeakness = true,
        OtherBabinskiSign = false,
        PersistsInSleep = false,
        HearingLoss = false,
        OtherCranialNerveSigns = false,
        AgeAtOnsetYears = 45,
    };

    /// <summary>Young woman, tonic pulling of the lower face with the mouth angle drawn down, no other Babinski sign.</summary>
    public static FacialExamination FunctionalSpasm { get; } = new()
    {
        Side = AffectedSide.Left,
        InvolvedRegions = Regions(FacialRegion.Mouth, FacialRegion.Chin),
        OnsetRegion = FacialRegion.Mouth,
        Spread = SpreadPattern.NotSpread,
        Contraction = ContractionType.Tonic,
        MouthAngleDeviatedDownward = true,
        OtherBabinskiSign = false,
        PersistsInSleep = false,
        EarlierFacialPalsy = false,
        TriggeredByVoluntaryMovement = false,
        FacialWeakness = false,
        HearingLoss = false,
        OtherCranialNerveSigns = false,
        AgeAtOnsetYears = 30,
    };

    /// <summary>Paroxysmal right jaw closure: masseter and temporalis only.</summary>
    public static FacialExamination HemimasticatorySpasm { get; } = new()
    {
        Side = AffectedSide.Right,
        InvolvedRegions = Regions(FacialRegion.Jaw),
        OnsetRegion = FacialRegion.Jaw,
        Spread = SpreadPattern.NotSpread,
        Contraction = ContractionType.Both,
        AgeAtOnsetYears = 45,
    };

    /// <summary>Worm-like undulation of the cheek with another cranial nerve sign.</summary>
    public static FacialExamination Myokymia { get; } = new()
    {
        Side = AffectedSide.Right,
        InvolvedRegions = Regions(FacialRegion.Cheek, FacialRegion.Chin),
        VermicularUndulation = true,
        OtherCranialNerveSigns = true,
        AgeAtOnsetYears = 35,
    };

    /// <summary>A teenager's blinking and grimacing on both sides, with an urge beforehand, suppressible, gone in sleep.</summary>
    public static FacialExamination Tics { get; } = new()
    {
        Side = AffectedSide.Both,
        InvolvedRegions = Regions(FacialRegion.UpperLid, FacialRegion.Mouth),
        PremonitoryUrge = true,
        VoluntarilySuppressible = true,
        PersistsInSleep = false,
        AgeAtOnsetYears = 12,
    };

    /// <summary>Face jerking that spreads to the hand.</summary>
    public static FacialExamination FocalSeizures { get; } = new()
    {
        Side = AffectedSide.Right,
        InvolvedRegions = Regions(FacialRegion.Mouth, FacialRegion.Cheek),
        Contraction = ContractionType.Clonic,
        SpreadsBeyondFace = true,
        AgeAtOnsetYears = 62,
    };
}
