namespace SpasmCare.Clinical.Triage;

/// <summary>Which side of the face twitches, as a visitor tells it.</summary>
public enum FaceSide
{
    Left = 0,
    Right = 1,
    Both = 2,
    NotSure = 3,
}

/// <summary>Where the twitching began, as a visitor tells it.</summary>
public enum OnsetArea
{
    AroundEye = 0,
    LowerFace = 1,
    NotSure = 2,
}

/// <summary>A yes/no question a visitor may not be sure about.</summary>
public enum Answer
{
    Yes = 0,
    No = 1,
    NotSure = 2,
}

/// <summary>How long the twitching has gone on.</summary>
public enum SymptomDuration
{
    LessThan6Months = 0,
    SixTo12Months = 1,
    OneTo5Years = 2,
    MoreThan5Years = 3,
    NotSure = 4,
}

/// <summary>Earlier botulinum toxin injections, and how long ago the last one was.</summary>
public enum ToxinHistory
{
    Never = 0,
    Within3Months = 1,
    ThreeTo12Months = 2,
    MoreThan12Months = 3,
    NotSure = 4,
}

/// <summary>
/// The structured answers of the public inquiry form. Every answer is optional (null: not answered); a visitor is
/// not examined, so these are reports, not findings.
/// </summary>
public sealed record InquiryAnswers
{
    public FaceSide? Side { get; init; }
    public OnsetArea? StartedAt { get; init; }

    /// <summary>Whether the twitching also pulls the cheek or the mouth.</summary>
    public Answer? CheekOrMouth { get; init; }

    public SymptomDuration? Duration { get; init; }

    /// <summary>About how old the visitor was when it started, in years.</summary>
    public int? AgeAtOnset { get; init; }

    public ToxinHistory? EarlierToxin { get; init; }
    public Answer? EarlierMri { get; init; }

    /// <summary>Weakness of that side of the face (hard to close the eye, smile or whistle).</summary>
    public Answer? FacialWeakness { get; init; }

    /// <summary>Hearing loss in the ear on that side.</summary>
    public Answer? HearingLoss { get; init; }

    /// <summary>An earlier facial palsy (Bell's palsy) on that side.</summary>
    public Answer? EarlierFacialPalsy { get; init; }
}
