using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Differential;

public enum CriteriaOutcome
{
    /// <summary>Not enough is recorded to decide.</summary>
    Indeterminate = 0,
    Met = 1,
    NotMet = 2,
}

/// <summary>The two-step check with the reason for each step, in plain sentences.</summary>
public sealed record BlepharospasmCriteriaResult(
    CriteriaOutcome Outcome,
    CriteriaOutcome Step1,
    string Step1Reason,
    CriteriaOutcome Step2,
    string Step2Reason);

/// <summary>
/// The validated clinical criteria for blepharospasm (Defazio 2013, 2021), as a two-step checklist. DOMAIN §1.4:
/// <list type="number">
/// <item>Required: stereotyped, bilateral and synchronous orbicularis oculi spasms (both sides, sides synchronous,
/// an eyelid involved).</item>
/// <item>Then either a sensory trick, or (without one) increased blinking and/or inability to suppress the spasms
/// voluntarily. Step 2 is met when any of the three is present, since a present sensory trick meets it directly
/// and an absent one leaves the other two; it fails only when all three are recorded as not supporting it.</item>
/// </list>
/// Sensitivity 88–93%, specificity 79–90% (DOMAIN §1.4). The check reports; it does not diagnose.
/// </summary>
public static class BlepharospasmCriteria
{
    public static BlepharospasmCriteriaResult Evaluate(FacialExamination exam)
    {
        var (step1, reason1) = Step1(exam);
        var (step2, reason2) = Step2(exam);
        var outcome = (step1, step2) switch
        {
            (CriteriaOutcome.Met, CriteriaOutcome.Met) => CriteriaOutcome.Met,
            _ when step1 == CriteriaOutcome.NotMet || step2 == CriteriaOutcome.NotMet => CriteriaOutcome.NotMet,
            _ => CriteriaOutcome.Indeterminate,
        };
        return new(outcome, step1, reason1, step2, reason2);
    }

    private static (CriteriaOutcome, string) Step1(FacialExamination exam)
    {
        var eyelid = exam.InvolvedRegions.Contains(FacialRegion.UpperLid) || exam.InvolvedRegions.Contains(FacialRegion.LowerLid);
        if (exam.Side is AffectedSide.Left or AffectedSide.Right)
        {
            return (CriteriaOutcome.NotMet, "Step 1 not met: spasm is on one side only; the criteria require both sides.");
        }

        if (exam.BothSidesSynchronous == false)
        {
            return (CriteriaOutcome.NotMet, "Step 1 not met: the two sides do not contract synchronously.");
        }

        if (exam.InvolvedRegions.Count > 0 && !eyelid)
        {
            return (CriteriaOutcome.NotMet, "Step 1 not met: the eyelids (orbicularis oculi) are not involved.");
        }

        if (exam.Side == AffectedSide.Both && exam.BothSidesSynchronous == true && eyelid)
        {
            return (CriteriaOutcome.Met, "Step 1 met: bilateral, synchronous eyelid spasm.");
        }

        return (CriteriaOutcome.Indeterminate, "Step 1 undecided: record the side, whether the sides are synchronous and whether the eyelids are involved.");
    }

    private static (CriteriaOutcome, string) Step2(FacialExamination exam)
    {
        if (exam.SensoryTrick == true)
        {
            return (CriteriaOutcome.Met, "Step 2 met: sensory trick present.");
        }

        if (exam.IncreasedBlinking == true || exam.VoluntarilySuppressible == false)
        {
            return (CriteriaOutcome.Met, "Step 2 met: increased blinking or spasms that cannot be suppressed voluntarily.");
        }

        if (exam.SensoryTrick == false && exam.IncreasedBlinking == false && exam.VoluntarilySuppressible == true)
        {
            return (CriteriaOutcome.NotMet, "Step 2 not met: no sensory trick, no increased blinking, and the spasms can be suppressed.");
        }

        return (CriteriaOutcome.Indeterminate, "Step 2 undecided: record sensory trick, increased blinking and voluntary suppression.");
    }
}
