using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>A yes / no / not examined finding of the examination form: its field name, words and value.</summary>
public sealed record FindingField(string Name, string Label, string? Hint, Func<ExaminationInput, bool?> Value);

/// <summary>A fieldset of findings.</summary>
public sealed record FindingGroup(string Legend, IReadOnlyList<FindingField> Fields);

/// <summary>The words of the examination form and summary, in one place (DOMAIN §1.1–§1.3 for the signs).</summary>
public static class ExaminationFields
{
    public static IReadOnlyList<FindingGroup> Groups { get; } =
    [
        new("Pattern of the spasm",
        [
            new(nameof(ExaminationInput.UpperLowerFaceSynchronous), "Upper and lower face contract together", "Synchronous contraction is considered specific for HFS.", i => i.UpperLowerFaceSynchronous),
            new(nameof(ExaminationInput.BothSidesSynchronous), "The two sides contract together", "Only when both sides are affected.", i => i.BothSidesSynchronous),
            new(nameof(ExaminationInput.OtherBabinskiSign), "\u201COther Babinski\u201D sign", "The brow rises as the eye closes during a spasm.", i => i.OtherBabinskiSign),
            new(nameof(ExaminationInput.PersistsInSleep), "Persists in sleep", null, i => i.PersistsInSleep),
            new(nameof(ExaminationInput.TriggeredByVoluntaryMovement), "Triggered by voluntary movement (synkinesis)", "For example, the eye closes when smiling.", i => i.TriggeredByVoluntaryMovement),
            new(nameof(ExaminationInput.MouthAngleDeviatedDownward), "Mouth angle pulled downward", null, i => i.MouthAngleDeviatedDownward),
            new(nameof(ExaminationInput.VermicularUndulation), "Worm-like undulation under the skin", "The sign of facial myokymia.", i => i.VermicularUndulation),
            new(nameof(ExaminationInput.SpreadsBeyondFace), "Jerking spreads beyond the face", "For example, to the hand.", i => i.SpreadsBeyondFace),
        ]),
        new("Blinking and control",
        [
            new(nameof(ExaminationInput.SensoryTrick), "Sensory trick", "A touch or gesture that eases the spasm.", i => i.SensoryTrick),
            new(nameof(ExaminationInput.IncreasedBlinking), "Increased blinking", null, i => i.IncreasedBlinking),
            new(nameof(ExaminationInput.VoluntarilySuppressible), "Can be suppressed voluntarily", null, i => i.VoluntarilySuppressible),
            new(nameof(ExaminationInput.PremonitoryUrge), "Premonitory urge", "An urge felt before the movement.", i => i.PremonitoryUrge),
        ]),
        new("Neurological signs and the ear",
        [
            new(nameof(ExaminationInput.EarlierFacialPalsy), "Earlier facial palsy", "For example, Bell's palsy.", i => i.EarlierFacialPalsy),
            new(nameof(ExaminationInput.FacialWeakness), "Facial weakness", null, i => i.FacialWeakness),
            new(nameof(ExaminationInput.FacialSensoryDeficit), "Facial sensory deficit", "Numbness, or an absent corneal reflex.", i => i.FacialSensoryDeficit),
            new(nameof(ExaminationInput.HearingLoss), "Hearing loss", null, i => i.HearingLoss),
            new(nameof(ExaminationInput.EarClick), "Ear click", "A clicking in the ear on the side of the spasm.", i => i.EarClick),
            new(nameof(ExaminationInput.OtherCranialNerveSigns), "Other cranial nerve signs", null, i => i.OtherCranialNerveSigns),
        ]),
    ];

    public static IEnumerable<FindingField> AllFindings => Groups.SelectMany(g => g.Fields);

    public static string SideLabel(AffectedSide side) => side switch
    {
        AffectedSide.Left => "Left",
        AffectedSide.Right => "Right",
        AffectedSide.Both => "Both sides",
        _ => "Not recorded",
    };

    public static string SpreadLabel(SpreadPattern spread) => spread switch
    {
        SpreadPattern.NotSpread => "Not spread: still where it began",
        SpreadPattern.Typical => "Typical: from around the eye downward",
        SpreadPattern.Atypical => "Atypical: from the lower face upward",
        _ => "Not recorded",
    };

    public static string ContractionLabel(ContractionType contraction) => contraction switch
    {
        ContractionType.Clonic => "Clonic (brief jerks)",
        ContractionType.Tonic => "Tonic (sustained pulling)",
        ContractionType.Both => "Both clonic and tonic",
        _ => "Not recorded",
    };

    public static string RegionLabel(FacialRegion region) =>
        FacialRegionCatalogue.IsDefined(region) ? FacialRegionCatalogue.Get(region).DisplayName : region.ToString();
}
