namespace SpasmCare.Clinical.Toxin;

/// <summary>When the next session is due.</summary>
/// <param name="DueOn">The later of last session + <see cref="TypicalBenefitDays"/> and <see cref="EarliestOn"/>.</param>
/// <param name="EarliestOn">Last session + the minimum interval (DOMAIN §3.5); earlier would raise the interval warning.</param>
/// <param name="TypicalBenefitDays">The median of the patient's earlier benefit durations, or
/// <see cref="NextInjection.DefaultBenefitDays"/> when none is known.</param>
/// <param name="FromHistory">True when <see cref="TypicalBenefitDays"/> comes from the patient's own cycles.</param>
public sealed record NextInjectionDue(DateOnly DueOn, DateOnly EarliestOn, int TypicalBenefitDays, bool FromHistory);

/// <summary>
/// The next-injection date from the patient's own benefit durations: HFS benefit lasts a median of about 12 weeks and
/// is stable over many years (DOMAIN §3.4), so the patient's median cycle predicts the next one.
/// </summary>
public static class NextInjection
{
    /// <summary>84 days (12 weeks): the median HFS benefit and the label's 3-month interval (DOMAIN §3.4, §3.5),
    /// used when the patient has no recorded benefit duration.</summary>
    public const int DefaultBenefitDays = 84;

    /// <summary>
    /// Due date after <paramref name="lastSession"/> (the most recent session of any kind). The typical benefit is the
    /// median of <paramref name="earlierBenefitDays"/> (durations of 0 days or less are ignored); with an even count it is
    /// the mean of the middle two, a half day rounded up. The due date is never earlier than the minimum interval of
    /// <paramref name="settings"/>.
    /// </summary>
    public static NextInjectionDue Compute(DateOnly lastSession, IReadOnlyList<int> earlierBenefitDays, DoseRuleSettings settings)
    {
        var days = (earlierBenefitDays ?? []).Where(d => d > 0).Order().ToList();
        var typical = days.Count == 0 ? DefaultBenefitDays : Median(days);
        var earliest = lastSession.AddDays(settings.MinIntervalDays);
        var byBenefit = lastSession.AddDays(typical);
        return new(byBenefit > earliest ? byBenefit : earliest, earliest, typical, days.Count > 0);
    }

    private static int Median(List<int> sorted)
    {
        var mid = sorted.Count / 2;
        if (sorted.Count % 2 == 1)
        {
            return sorted[mid];
        }

        var sum = (long)sorted[mid - 1] + sorted[mid];
        return (int)((sum + 1) / 2);
    }
}
