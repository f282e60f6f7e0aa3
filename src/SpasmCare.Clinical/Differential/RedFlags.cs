using System.Globalization;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Differential;

/// <summary>One red flag found, with a stable code and the reason in plain words.</summary>
public sealed record RedFlag(string Code, string Reason);

/// <summary>
/// Whether imaging is advised before botulinum toxin, and why. <see cref="Note"/> adds context the clinician should
/// weigh (for example that the blepharospasm criteria are met, which these HFS red flags do not take into account).
/// </summary>
public sealed record ImagingAdvice(bool IsAdvised, IReadOnlyList<RedFlag> RedFlags, string? Note)
{
    public const string Advice = "Imaging advised before botulinum toxin";

    /// <summary>The advice sentence when advised, otherwise null.</summary>
    public string? Text => IsAdvised ? Advice : null;
}

/// <summary>
/// Red flags that should prompt imaging before botulinum toxin and raise suspicion of secondary HFS or a mimic.
/// DOMAIN §1.2, whose list combines several sources and is [U] as a list: onset before 40, both sides (bilateral
/// or asynchronous spasm), facial weakness, facial sensory deficit (e.g. absent corneal reflex), hearing loss, other
/// cranial nerve signs, isolated lower-face onset with tonic pulling, and an absent "other Babinski" sign. Each
/// flag needs the finding to be recorded; unknown findings raise none.
/// </summary>
public static class RedFlags
{
    public const string OnsetBefore40 = "onset-before-40";
    public const string BothSides = "both-sides";
    public const string FacialWeakness = "facial-weakness";
    public const string FacialSensoryDeficit = "facial-sensory-deficit";
    public const string HearingLoss = "hearing-loss";
    public const string OtherCranialNerveSigns = "other-cranial-nerve-signs";
    public const string LowerFaceOnsetWithTonicPulling = "lower-face-onset-tonic";
    public const string AbsentOtherBabinski = "absent-other-babinski";

    public static ImagingAdvice Evaluate(FacialExamination exam) => Evaluate(new ExamFacts(exam));

    internal static ImagingAdvice Evaluate(ExamFacts facts)
    {
        var exam = facts.Exam;
        var flags = new List<RedFlag>();
        if (facts.OnsetBefore40)
        {
            flags.Add(new(OnsetBefore40, $"Onset at age {exam.AgeAtOnsetYears!.Value.ToString(CultureInfo.InvariantCulture)}: onset before 40 is unusual for primary HFS and may herald illness such as multiple sclerosis (DOMAIN §1.2)."));
        }

        if (facts.Bilateral)
        {
            flags.Add(new(BothSides, "Spasm on both sides: bilateral HFS is rare (about 1%) and bilateral or asynchronous spasm is a red flag (DOMAIN §1.1, §1.2)."));
        }

        if (exam.FacialWeakness == true)
        {
            flags.Add(new(FacialWeakness, "Facial weakness (DOMAIN §1.2)."));
        }

        if (exam.FacialSensoryDeficit == true)
        {
            flags.Add(new(FacialSensoryDeficit, "Facial sensory deficit, e.g. an absent corneal reflex (DOMAIN §1.2)."));
        }

        if (exam.HearingLoss == true)
        {
            flags.Add(new(HearingLoss, "Hearing loss (DOMAIN §1.2)."));
        }

        if (exam.OtherCranialNerveSigns == true)
        {
            flags.Add(new(OtherCranialNerveSigns, "Signs of other cranial nerves (DOMAIN §1.2)."));
        }

        if (facts.LowerFaceOnsetWithTonicPulling)
        {
            flags.Add(new(LowerFaceOnsetWithTonicPulling, "Onset in the lower face with tonic pulling (DOMAIN §1.2)."));
        }

        if (exam.OtherBabinskiSign == false)
        {
            flags.Add(new(AbsentOtherBabinski, "The \"other Babinski\" sign is absent (DOMAIN §1.2)."));
        }

        var note = flags.Count > 0 && facts.Blepharospasm.Outcome == CriteriaOutcome.Met
            ? "The blepharospasm criteria are met; these red flags are those for hemifacial spasm (DOMAIN §1.2) and do not weigh that picture."
            : null;
        return new(flags.Count > 0, flags, note);
    }
}
