using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Differential;

/// <summary>A finding that counted for or against a condition, with the rule's code, weight and DOMAIN section.</summary>
public sealed record DifferentialFinding(string Code, string Text, int Weight, string Section);

/// <summary>
/// One condition in the ranked list. <see cref="Score"/> is the sum of the weights of its findings; equal scores
/// share a rank (1, 1, 3…) and are listed in <see cref="DifferentialCondition"/> order.
/// </summary>
public sealed record DifferentialEntry(
    DifferentialCondition Condition,
    string Name,
    int Rank,
    int Score,
    IReadOnlyList<DifferentialFinding> For,
    IReadOnlyList<DifferentialFinding> Against,
    string Section);

/// <summary>A finding the differential uses that is not recorded yet; recording it can change the ranking.</summary>
public sealed record UnrecordedFinding(string Field, string Label);

/// <summary>The differential for one examination: the ranked conditions, the blepharospasm check and the imaging advice.</summary>
public sealed record DifferentialResult(
    IReadOnlyList<DifferentialEntry> Entries,
    BlepharospasmCriteriaResult Blepharospasm,
    ImagingAdvice Imaging,
    IReadOnlyList<UnrecordedFinding> Unrecorded)
{
    public const string Disclaimer = "A suggestion from the recorded findings; the doctor makes the diagnosis.";

    /// <summary>The first-ranked entry (ties resolved by condition order).</summary>
    public DifferentialEntry Top => Entries[0];
}

/// <summary>
/// The differential-diagnosis aid of issue 5: deterministic and explainable. It applies every
/// <see cref="DifferentialRules.All"/> rule whose finding is recorded, sums the weights per condition, and ranks.
/// Unknown findings count neither way. It suggests; it never decides.
/// </summary>
public static class DifferentialDiagnosis
{
    public static string NameOf(DifferentialCondition condition) =>
        condition switch
        {
            DifferentialCondition.PrimaryHemifacialSpasm => "Primary hemifacial spasm",
            DifferentialCondition.SecondaryHemifacialSpasm => "Secondary hemifacial spasm",
            DifferentialCondition.Blepharospasm => "Blepharospasm",
            DifferentialCondition.PostParalyticSynkinesis => "Post-paralytic synkinesis",
            DifferentialCondition.FacialMyokymia => "Facial myokymia",
            DifferentialCondition.MotorTics => "Motor tics",
            DifferentialCondition.HemimasticatorySpasm => "Hemimasticatory spasm",
            DifferentialCondition.FunctionalFacialSpasm => "Functional facial spasm",
            DifferentialCondition.FocalMotorSeizures => "Focal motor seizures",
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a differential condition."),
        };

    /// <summary>The DOMAIN sections the condition's picture rests on.</summary>
    public static string SectionOf(DifferentialCondition condition) =>
        condition switch
        {
            DifferentialCondition.PrimaryHemifacialSpasm => "DOMAIN §1.1, §1.3",
            DifferentialCondition.SecondaryHemifacialSpasm => "DOMAIN §1.2",
            DifferentialCondition.Blepharospasm => "DOMAIN §1.3, §1.4",
            DifferentialCondition.PostParalyticSynkinesis => "DOMAIN §1.2, §1.3",
            DifferentialCondition.FacialMyokymia => "DOMAIN §1.3",
            DifferentialCondition.MotorTics => "DOMAIN §1.3 [U]",
            DifferentialCondition.HemimasticatorySpasm => "DOMAIN §1.3, §3.2",
            DifferentialCondition.FunctionalFacialSpasm => "DOMAIN §1.3",
            DifferentialCondition.FocalMotorSeizures => "DOMAIN §1.3 [U]",
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Not a differential condition."),
        };

    public static DifferentialResult Evaluate(FacialExamination exam)
    {
        var facts = new ExamFacts(exam);
        var fired = DifferentialRules.All.Where(r => r.Applies(facts)).ToList();

        var unranked = Enum.GetValues<DifferentialCondition>()
            .Select(condition =>
            {
                var findings = fired.Where(r => r.Condition == condition)
                    .Select(r => new DifferentialFinding(r.Code, r.Finding, r.Weight, r.Section))
                    .ToList();
                return (Condition: condition, Score: findings.Sum(f => f.Weight), Findings: findings);
            })
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Condition)
            .ToList();

        var entries = unranked
            .Select(c => new DifferentialEntry(
                c.Condition,
                NameOf(c.Condition),
                1 + unranked.Count(other => other.Score > c.Score),
                c.Score,
                c.Findings.Where(f => f.Weight > 0).OrderByDescending(f => f.Weight).ToList(),
                c.Findings.Where(f => f.Weight < 0).OrderBy(f => f.Weight).ToList(),
                SectionOf(c.Condition)))
            .ToList();

        return new(entries, facts.Blepharospasm, RedFlags.Evaluate(facts), Unrecorded(exam));
    }

    private static List<UnrecordedFinding> Unrecorded(FacialExamination exam)
    {
        var missing = new List<UnrecordedFinding>();
        void Check(bool unknown, string field, string label)
        {
            if (unknown)
            {
                missing.Add(new(field, label));
            }
        }

        Check(exam.Side == AffectedSide.Unknown, nameof(exam.Side), "Affected side");
        Check(exam.InvolvedRegions.Count == 0, nameof(exam.InvolvedRegions), "Involved regions");
        Check(exam.Side == AffectedSide.Both && exam.BothSidesSynchronous is null, nameof(exam.BothSidesSynchronous), "Both sides synchronous");
        Check(exam.OtherBabinskiSign is null, nameof(exam.OtherBabinskiSign), "Other Babinski sign");
        Check(exam.UpperLowerFaceSynchronous is null, nameof(exam.UpperLowerFaceSynchronous), "Upper and lower face synchronous");
        Check(exam.Contraction == ContractionType.Unknown, nameof(exam.Contraction), "Clonic or tonic");
        Check(exam.PersistsInSleep is null, nameof(exam.PersistsInSleep), "Persists in sleep");
        Check(exam.SensoryTrick is null, nameof(exam.SensoryTrick), "Sensory trick");
        Check(exam.IncreasedBlinking is null, nameof(exam.IncreasedBlinking), "Increased blinking");
        Check(exam.VoluntarilySuppressible is null, nameof(exam.VoluntarilySuppressible), "Voluntarily suppressible");
        Check(exam.TriggeredByVoluntaryMovement is null, nameof(exam.TriggeredByVoluntaryMovement), "Triggered by voluntary movement");
        Check(exam.EarlierFacialPalsy is null, nameof(exam.EarlierFacialPalsy), "Earlier facial palsy");
        Check(exam.FacialWeakness is null, nameof(exam.FacialWeakness), "Facial weakness");
        Check(exam.HearingLoss is null, nameof(exam.HearingLoss), "Hearing loss");
        Check(exam.OtherCranialNerveSigns is null, nameof(exam.OtherCranialNerveSigns), "Other cranial nerve signs");
        Check(exam.AgeAtOnsetYears is null, nameof(exam.AgeAtOnsetYears), "Age at onset");
        return missing;
    }
}
