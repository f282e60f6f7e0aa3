using System.Collections.Immutable;

namespace SpasmCare.Clinical.Examination;

/// <summary>How the spasm spread from where it began. DOMAIN §1.1, §1.4 (Chinese consensus, [S5]).</summary>
public enum SpreadPattern
{
    Unknown = 0,

    /// <summary>Still confined to the region where it began.</summary>
    NotSpread = 1,

    /// <summary>Typical HFS: began around the eye (often the lower lid) and spread downward.</summary>
    Typical = 2,

    /// <summary>Atypical HFS: began in the lower face and spread upward to the eyelid (about 2–3% of HFS).</summary>
    Atypical = 3,
}

/// <summary>Clonic (brief jerks), tonic (sustained pulling) or both. DOMAIN §1.1, §1.3.</summary>
public enum ContractionType
{
    Unknown = 0,
    Clonic = 1,
    Tonic = 2,
    Both = 3,
}

/// <summary>
/// One structured facial examination (issue 5), as an immutable value the web layer stores and a later visit can
/// start from (<c>previous with { … }</c>).
/// </summary>
/// <remarks>
/// Findings are <c>bool?</c>: <c>true</c> present, <c>false</c> looked for and absent, <c>null</c> not examined or
/// not known. The rules never read <c>null</c> as absent. The fields follow DOMAIN §1.1–§1.3; a few beyond the
/// issue's list (<see cref="BothSidesSynchronous"/>, <see cref="FacialSensoryDeficit"/>,
/// <see cref="MouthAngleDeviatedDownward"/>, <see cref="VermicularUndulation"/>, <see cref="PremonitoryUrge"/>,
/// <see cref="SpreadsBeyondFace"/>) are the distinguishing signs DOMAIN gives for blepharospasm, secondary HFS,
/// functional spasm, myokymia, tics and focal seizures, without which the differential could not tell them apart.
/// </remarks>
public sealed record FacialExamination
{
    public const int MaxAgeAtOnsetYears = 120;
    public const int MaxDurationMonths = MaxAgeAtOnsetYears * 12;
    public const int MaxTextLength = 2000;

    public AffectedSide Side { get; init; }

    /// <summary>
    /// Regions with spasm. Empty means "not recorded", not "none involved". Immutable, and a concrete type so that
    /// System.Text.Json can read it back; build it with a collection expression: <c>[FacialRegion.UpperLid]</c>.
    /// </summary>
    public ImmutableHashSet<FacialRegion> InvolvedRegions { get; init; } = [];

    /// <summary>Where the spasm began; when given it must be one of <see cref="InvolvedRegions"/>.</summary>
    public FacialRegion? OnsetRegion { get; init; }

    public SpreadPattern Spread { get; init; }

    /// <summary>Upper- and lower-face muscles contract together, considered specific for HFS (DOMAIN §1.1).</summary>
    public bool? UpperLowerFaceSynchronous { get; init; }

    /// <summary>
    /// With spasm on both sides: the two sides contract together. Blepharospasm is bilateral and synchronous
    /// (DOMAIN §1.4); bilateral HFS is asynchronous (DOMAIN §1.1). Only meaningful when <see cref="Side"/> is
    /// <see cref="AffectedSide.Both"/>.
    /// </summary>
    public bool? BothSidesSynchronous { get; init; }

    /// <summary>The brow rises as the eye closes during a spasm (86% of HFS, 100% specific; DOMAIN §1.1).</summary>
    public bool? OtherBabinskiSign { get; init; }

    public ContractionType Contraction { get; init; }

    public bool? PersistsInSleep { get; init; }

    /// <summary>A geste that eases the spasm (blepharospasm criteria, DOMAIN §1.4).</summary>
    public bool? SensoryTrick { get; init; }

    public bool? IncreasedBlinking { get; init; }

    public bool? VoluntarilySuppressible { get; init; }

    /// <summary>Spasm brought on by voluntary facial movement, e.g. the eye closes when smiling (synkinesis, DOMAIN §1.3).</summary>
    public bool? TriggeredByVoluntaryMovement { get; init; }

    public bool? EarlierFacialPalsy { get; init; }

    public bool? FacialWeakness { get; init; }

    /// <summary>Facial numbness or an absent corneal reflex: a red flag (DOMAIN §1.2).</summary>
    public bool? FacialSensoryDeficit { get; init; }

    public bool? HearingLoss { get; init; }

    /// <summary>Ipsilateral ear click (stapedius), 23–43% of HFS (DOMAIN §1.1).</summary>
    public bool? EarClick { get; init; }

    public bool? OtherCranialNerveSigns { get; init; }

    /// <summary>Downward deviation of the mouth angle: specificity 1.00 for functional spasm (DOMAIN §1.3).</summary>
    public bool? MouthAngleDeviatedDownward { get; init; }

    /// <summary>Worm-like undulation under the skin, the sign of facial myokymia (DOMAIN §1.3).</summary>
    public bool? VermicularUndulation { get; init; }

    /// <summary>An urge felt before the movement, typical of tics (DOMAIN §1.3, [U]).</summary>
    public bool? PremonitoryUrge { get; init; }

    /// <summary>Jerking spreads beyond the face, e.g. to the hand: focal motor seizures (DOMAIN §1.3).</summary>
    public bool? SpreadsBeyondFace { get; init; }

    public int? AgeAtOnsetYears { get; init; }

    public int? DurationMonths { get; init; }

    public string? AggravatingFactors { get; init; }

    public string? RelievingFactors { get; init; }

    /// <summary>
    /// Checks ranges and consistency. Returns an empty list when the examination is valid; never throws.
    /// </summary>
    /// <param name="patientAgeYears">
    /// The patient's age today, when known: age at onset may not exceed it, nor the duration the time since onset.
    /// </param>
    public IReadOnlyList<FieldError> Validate(int? patientAgeYears = null)
    {
        var errors = new List<FieldError>();

        if (!Enum.IsDefined(Side))
        {
            errors.Add(new(nameof(Side), "Choose left, right, both or unknown."));
        }

        if (!Enum.IsDefined(Spread))
        {
            errors.Add(new(nameof(Spread), "Choose a spread pattern from the list."));
        }

        if (!Enum.IsDefined(Contraction))
        {
            errors.Add(new(nameof(Contraction), "Choose clonic, tonic, both or unknown."));
        }

        if (InvolvedRegions.Any(r => !FacialRegionCatalogue.IsDefined(r)))
        {
            errors.Add(new(nameof(InvolvedRegions), "One of the involved regions is not a facial region."));
        }

        ValidateOnsetAndSpread(errors);

        if (BothSidesSynchronous is not null && Side != AffectedSide.Both)
        {
            errors.Add(new(nameof(BothSidesSynchronous), "Synchrony between the sides applies only when both sides are affected."));
        }

        var onsetPlausible = true;
        if (AgeAtOnsetYears is < 0 or > MaxAgeAtOnsetYears)
        {
            onsetPlausible = false;
            errors.Add(new(nameof(AgeAtOnsetYears), $"Age at onset must be between 0 and {MaxAgeAtOnsetYears} years."));
        }
        else if (AgeAtOnsetYears > patientAgeYears)
        {
            onsetPlausible = false;
            errors.Add(new(nameof(AgeAtOnsetYears), "Age at onset cannot be more than the patient's age."));
        }

        if (DurationMonths is < 0 or > MaxDurationMonths)
        {
            errors.Add(new(nameof(DurationMonths), $"Duration must be between 0 and {MaxDurationMonths} months."));
        }
        else if (onsetPlausible && DurationMonths > (patientAgeYears - AgeAtOnsetYears + 1) * 12)
        {
            errors.Add(new(nameof(DurationMonths), "Duration is longer than the time since the age at onset."));
        }

        if (AggravatingFactors?.Length > MaxTextLength)
        {
            errors.Add(new(nameof(AggravatingFactors), $"Aggravating factors must be at most {MaxTextLength} characters."));
        }

        if (RelievingFactors?.Length > MaxTextLength)
        {
            errors.Add(new(nameof(RelievingFactors), $"Relieving factors must be at most {MaxTextLength} characters."));
        }

        return errors;
    }

    private void ValidateOnsetAndSpread(List<FieldError> errors)
    {
        if (OnsetRegion is { } onset)
        {
            if (!FacialRegionCatalogue.IsDefined(onset))
            {
                errors.Add(new(nameof(OnsetRegion), "The onset region is not a facial region."));
                return;
            }

            if (!InvolvedRegions.Contains(onset))
            {
                errors.Add(new(nameof(OnsetRegion), "The onset region must be one of the involved regions."));
            }

            var zone = FacialRegionCatalogue.Get(onset).Zone;
            if (Spread == SpreadPattern.Typical && zone != FaceZone.Upper)
            {
                errors.Add(new(nameof(Spread), "Typical spread starts around the eye, but the onset region is not in the upper face."));
            }

            if (Spread == SpreadPattern.Atypical && zone != FaceZone.Lower)
            {
                errors.Add(new(nameof(Spread), "Atypical spread starts in the lower face, but the onset region is not in the lower face."));
            }
        }

        if (Spread is SpreadPattern.Typical or SpreadPattern.Atypical && InvolvedRegions.Count < 2)
        {
            errors.Add(new(nameof(Spread), "A spread needs at least two involved regions."));
        }
    }
}
