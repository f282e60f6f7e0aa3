using System.Globalization;

namespace SpasmCare.Clinical.Triage;

/// <summary>What the answers of an inquiry suggest. A suggestion for the front desk, never a diagnosis.</summary>
public enum TriageOutcome
{
    LikelyHemifacialSpasm = 0,
    PossibleBlepharospasm = 1,
    NeedsDoctorReview = 2,
}

/// <summary>One reason behind a suggestion: a stable code, the reason in plain words, and the DOMAIN section.</summary>
public sealed record TriageReason(string Code, string Text, string Section, bool IsRedFlag = false);

public sealed record TriageSuggestion(TriageOutcome Outcome, IReadOnlyList<TriageReason> Reasons)
{
    public string Label => Outcome switch
    {
        TriageOutcome.LikelyHemifacialSpasm => "Likely hemifacial spasm",
        TriageOutcome.PossibleBlepharospasm => "Possible blepharospasm",
        TriageOutcome.NeedsDoctorReview => "Needs doctor review",
        _ => throw new ArgumentOutOfRangeException(nameof(Outcome), Outcome, null),
    };

    public bool HasRedFlags => Reasons.Any(r => r.IsRedFlag);
}

/// <summary>
/// A first sort of a public inquiry from what the visitor reported, before anyone has examined them. The rules:
/// <list type="number">
/// <item>Any red flag the form asks about (DOMAIN §1.2: onset before 40, facial weakness, hearing loss; and an
/// earlier facial palsy, the history of post-paralytic synkinesis or secondary HFS, §1.2–1.3) → needs doctor review.</item>
/// <item>Both sides, around the eyes only → possible blepharospasm (bilateral eyelid spasm, §1.3–1.4).</item>
/// <item>Both sides otherwise → needs doctor review (bilateral HFS is rare, about 1%; cranial dystonia mimics it, §1.1, §1.3).</item>
/// <item>One side → likely hemifacial spasm (unilateral by definition, §1.1).</item>
/// <item>Side not known → needs doctor review (not enough to go on).</item>
/// </list>
/// The red-flag list is [U] as a list (DOMAIN §1.2); the sort itself is a design choice [D].
/// </summary>
public static class InquiryTriage
{
    public const string OnsetBefore40 = "onset-before-40";
    public const string FacialWeakness = "facial-weakness";
    public const string HearingLoss = "hearing-loss";
    public const string EarlierFacialPalsy = "earlier-facial-palsy";
    public const string BothSidesEyesOnly = "both-sides-eyes-only";
    public const string BothSidesLowerFace = "both-sides-lower-face";
    public const string OneSide = "one-side";
    public const string TypicalOnset = "typical-onset";
    public const string LowerFaceOnset = "lower-face-onset";
    public const string SpreadToLowerFace = "spread-to-lower-face";
    public const string SideUnknown = "side-unknown";

    public static TriageSuggestion Suggest(InquiryAnswers answers)
    {
        var flags = RedFlagsOf(answers);
        var picture = PictureOf(answers);
        if (flags.Count > 0)
        {
            return new(TriageOutcome.NeedsDoctorReview, [.. flags, .. picture.Reasons]);
        }

        return picture;
    }

    private static List<TriageReason> RedFlagsOf(InquiryAnswers a)
    {
        var flags = new List<TriageReason>();
        if (a.AgeAtOnset is { } age && age < 40)
        {
            flags.Add(new(OnsetBefore40,
                $"Started at about age {age.ToString(CultureInfo.InvariantCulture)}: onset before 40 is unusual for primary hemifacial spasm and may point to another illness, such as multiple sclerosis.",
                "§1.2", IsRedFlag: true));
        }

        if (a.FacialWeakness == Answer.Yes)
        {
            flags.Add(new(FacialWeakness, "Reports weakness of the face: a red flag for secondary hemifacial spasm.", "§1.2", IsRedFlag: true));
        }

        if (a.HearingLoss == Answer.Yes)
        {
            flags.Add(new(HearingLoss, "Reports hearing loss: a red flag for a lesion near the facial nerve.", "§1.2", IsRedFlag: true));
        }

        if (a.EarlierFacialPalsy == Answer.Yes)
        {
            flags.Add(new(EarlierFacialPalsy,
                "Had a facial palsy (Bell's palsy) before: post-paralytic synkinesis, the closest mimic, or secondary hemifacial spasm.",
                "§1.2, §1.3", IsRedFlag: true));
        }

        return flags;
    }

    private static TriageSuggestion PictureOf(InquiryAnswers a)
    {
        switch (a.Side)
        {
            case FaceSide.Both when a.StartedAt == OnsetArea.AroundEye && a.CheekOrMouth != Answer.Yes:
                return new(TriageOutcome.PossibleBlepharospasm,
                [
                    new(BothSidesEyesOnly,
                        "Both sides, around the eyes, without the cheek or mouth: the picture of blepharospasm, a focal dystonia of both eyelids.",
                        "§1.3, §1.4"),
                ]);
            case FaceSide.Both:
                return new(TriageOutcome.NeedsDoctorReview,
                [
                    new(BothSidesLowerFace,
                        "Both sides, with the lower face: bilateral hemifacial spasm is rare (about 1%), and cranial dystonia (Meige syndrome) looks like this.",
                        "§1.1, §1.3", IsRedFlag: true),
                ]);
            case FaceSide.Left or FaceSide.Right:
                var reasons = new List<TriageReason>
                {
                    new(OneSide, "One side of the face only: hemifacial spasm is one-sided by definition.", "§1.1"),
                };
                if (a.StartedAt == OnsetArea.AroundEye)
                {
                    reasons.Add(new(TypicalOnset, "Started around the eye, the usual first site.", "§1.1"));
                }
                else if (a.StartedAt == OnsetArea.LowerFace)
                {
                    reasons.Add(new(LowerFaceOnset,
                        "Started in the lower face: the atypical form (about 2–3% of hemifacial spasm). At the visit, look for tonic pulling, a red flag.",
                        "§1.1, §1.2"));
                }

                if (a.CheekOrMouth == Answer.Yes)
                {
                    reasons.Add(new(SpreadToLowerFace, "Also pulls the cheek or mouth on that side, as hemifacial spasm spreads.", "§1.1"));
                }

                return new(TriageOutcome.LikelyHemifacialSpasm, reasons);
            default:
                return new(TriageOutcome.NeedsDoctorReview,
                [
                    new(SideUnknown, "Which side is affected is not known: not enough to suggest more.", "§1.1"),
                ]);
        }
    }
}
