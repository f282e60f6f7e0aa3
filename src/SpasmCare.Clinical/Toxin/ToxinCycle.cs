namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// One session and its outcome, as <see cref="NonResponse"/> reads it.
/// </summary>
/// <param name="Date">The session's clinic-local date.</param>
/// <param name="OnaUnits">The session total in onabotulinumtoxinA-equivalent units (product units ÷ ratio).</param>
/// <param name="IsBooster">Boosters are left out of the non-response assessment.</param>
/// <param name="Response">The response at its peak, when reviewed (DOMAIN §3.9).</param>
/// <param name="ImprovementPercent">The patient's or rater's improvement at the peak, 0–100; other values are
/// treated as not recorded.</param>
/// <param name="BenefitDays">Days from the session to the wearing-off date; 0 or less is treated as not recorded.</param>
public sealed record ToxinCycle(
    DateOnly Date,
    decimal OnaUnits,
    bool IsBooster,
    ToxinResponse? Response,
    int? ImprovementPercent,
    int? BenefitDays);

/// <summary>The result of <see cref="NonResponse.Evaluate"/>.</summary>
/// <param name="PrimaryNonResponse">No session has given a meaningful benefit, and at least one adequately dosed
/// session had none.</param>
/// <param name="PrimaryReason">Why, in plain words, when <paramref name="PrimaryNonResponse"/>.</param>
/// <param name="PossibleSecondaryNonResponse">The latest two or more consecutive full sessions after a good baseline,
/// each at no less than the baseline dose, had a shorter benefit or a lower peak.</param>
/// <param name="Evidence">The sessions and figures behind the flags raised; empty when neither is raised.</param>
/// <param name="SuggestedSteps">What to check next (DOMAIN §3.9); empty when neither flag is raised.</param>
public sealed record NonResponseAssessment(
    bool PrimaryNonResponse,
    string? PrimaryReason,
    bool PossibleSecondaryNonResponse,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> SuggestedSteps);
