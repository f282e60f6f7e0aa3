using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// The examination form: the fields of <see cref="FacialExamination"/> as settable properties the page binds to.
/// The clinical checks are <see cref="FacialExamination.Validate"/>'s; the property names match its field names, so
/// its errors land beside the right inputs. Findings left at "not examined" stay null (unknown, never "absent").
/// </summary>
public sealed class ExaminationInput
{
    public AffectedSide Side { get; set; }

    public List<FacialRegion> InvolvedRegions { get; set; } = [];

    public FacialRegion? OnsetRegion { get; set; }

    public SpreadPattern Spread { get; set; }

    public bool? UpperLowerFaceSynchronous { get; set; }

    public bool? BothSidesSynchronous { get; set; }

    public bool? OtherBabinskiSign { get; set; }

    public ContractionType Contraction { get; set; }

    public bool? PersistsInSleep { get; set; }

    public bool? SensoryTrick { get; set; }

    public bool? IncreasedBlinking { get; set; }

    public bool? VoluntarilySuppressible { get; set; }

    public bool? TriggeredByVoluntaryMovement { get; set; }

    public bool? EarlierFacialPalsy { get; set; }

    public bool? FacialWeakness { get; set; }

    public bool? FacialSensoryDeficit { get; set; }

    public bool? HearingLoss { get; set; }

    public bool? EarClick { get; set; }

    public bool? OtherCranialNerveSigns { get; set; }

    public bool? MouthAngleDeviatedDownward { get; set; }

    public bool? VermicularUndulation { get; set; }

    public bool? PremonitoryUrge { get; set; }

    public bool? SpreadsBeyondFace { get; set; }

    [Display(Name = "Age at onset (years)")]
    public int? AgeAtOnsetYears { get; set; }

    [Display(Name = "Duration (months)")]
    public int? DurationMonths { get; set; }

    [Display(Name = "Aggravating factors")]
    public string? AggravatingFactors { get; set; }

    [Display(Name = "Relieving factors")]
    public string? RelievingFactors { get; set; }

    /// <summary>Why the examination is amended (amendments only).</summary>
    [Display(Name = "Reason for the amendment")]
    public string? AmendmentReason { get; set; }

    public FacialExamination ToExamination() => new()
    {
        Side = Side,
        InvolvedRegions = [.. InvolvedRegions],
        OnsetRegion = OnsetRegion,
        Spread = Spread,
        UpperLowerFaceSynchronous = UpperLowerFaceSynchronous,
        BothSidesSynchronous = BothSidesSynchronous,
        OtherBabinskiSign = OtherBabinskiSign,
        Contraction = Contraction,
        PersistsInSleep = PersistsInSleep,
        SensoryTrick = SensoryTrick,
        IncreasedBlinking = IncreasedBlinking,
        VoluntarilySuppressible = VoluntarilySuppressible,
        TriggeredByVoluntaryMovement = TriggeredByVoluntaryMovement,
        EarlierFacialPalsy = EarlierFacialPalsy,
        FacialWeakness = FacialWeakness,
        FacialSensoryDeficit = FacialSensoryDeficit,
        HearingLoss = HearingLoss,
        EarClick = EarClick,
        OtherCranialNerveSigns = OtherCranialNerveSigns,
        MouthAngleDeviatedDownward = MouthAngleDeviatedDownward,
        VermicularUndulation = VermicularUndulation,
        PremonitoryUrge = PremonitoryUrge,
        SpreadsBeyondFace = SpreadsBeyondFace,
        AgeAtOnsetYears = AgeAtOnsetYears,
        DurationMonths = DurationMonths,
        AggravatingFactors = VisitRules.Blank(AggravatingFactors),
        RelievingFactors = VisitRules.Blank(RelievingFactors),
    };

    public static ExaminationInput From(FacialExamination exam) => new()
    {
        Side = exam.Side,
        InvolvedRegions = FacialRegionCatalogue.All.Select(r => r.Region).Where(exam.InvolvedRegions.Contains).ToList(),
        OnsetRegion = exam.OnsetRegion,
        Spread = exam.Spread,
        UpperLowerFaceSynchronous = exam.UpperLowerFaceSynchronous,
        BothSidesSynchronous = exam.BothSidesSynchronous,
        OtherBabinskiSign = exam.OtherBabinskiSign,
        Contraction = exam.Contraction,
        PersistsInSleep = exam.PersistsInSleep,
        SensoryTrick = exam.SensoryTrick,
        IncreasedBlinking = exam.IncreasedBlinking,
        VoluntarilySuppressible = exam.VoluntarilySuppressible,
        TriggeredByVoluntaryMovement = exam.TriggeredByVoluntaryMovement,
        EarlierFacialPalsy = exam.EarlierFacialPalsy,
        FacialWeakness = exam.FacialWeakness,
        FacialSensoryDeficit = exam.FacialSensoryDeficit,
        HearingLoss = exam.HearingLoss,
        EarClick = exam.EarClick,
        OtherCranialNerveSigns = exam.OtherCranialNerveSigns,
        MouthAngleDeviatedDownward = exam.MouthAngleDeviatedDownward,
        VermicularUndulation = exam.VermicularUndulation,
        PremonitoryUrge = exam.PremonitoryUrge,
        SpreadsBeyondFace = exam.SpreadsBeyondFace,
        AgeAtOnsetYears = exam.AgeAtOnsetYears,
        DurationMonths = exam.DurationMonths,
        AggravatingFactors = exam.AggravatingFactors,
        RelievingFactors = exam.RelievingFactors,
    };
}
