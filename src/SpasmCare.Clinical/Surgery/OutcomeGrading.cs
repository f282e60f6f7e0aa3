namespace SpasmCare.Clinical.Surgery;

/// <summary>The excellent / good / fair / poor grade of the large Korean series (DOMAIN §2.7).</summary>
public enum OutcomeGrade
{
    Excellent = 0,
    Good = 1,
    Fair = 2,
    Poor = 3,
}

/// <summary>
/// The result of one grading scheme for a case: a code ("Type 2", "C") and its meaning, or "not yet classifiable"
/// with the reason (then <see cref="Code"/> is null).
/// </summary>
public sealed record SchemeResult(string Scheme, string? Code, string Text, string Why)
{
    public bool Classified => Code is not null;
}

/// <summary>
/// Post-MVD outcome grading in the schemes of DOMAIN §2.7. No single standard exists and the published wording of the
/// grades is partly unverified ([U]), so the page shows these as computed suggestions, never as the surgeon's verdict.
/// <para>
/// <b>Excellent / good / fair / poor</b> (Chung 2001, Huh 2008; wording [U]) from the spasm at a follow-up: gone →
/// excellent; ≥90 % better ("occasional mild spasm not bothering the patient") → good; about half better → fair;
/// unchanged or worse → poor.
/// </para>
/// <para>
/// <b>Li 2005 time-course types</b> (547 MVDs), as this code reads them [D]: the earliest follow-up must be by day 14
/// (the 1-week window), or the start of the course is unknown.
/// Type 1, cured immediately: gone at that first follow-up and at every follow-up after it.
/// Type 2, delayed: not gone at the first follow-up, gone later, by 2 years.
/// Type 3, transient return: gone at the first follow-up, back at a later one, and gone again by 3 months (day 91,
/// up to the end of the 3-month window, day 122).
/// Type 4, failed: the delayed-cure assessment says failed (declared, or never cured within the window).
/// A return of spasm after an immediate cure that has not gone again by the end of the 3-month window fits none of
/// Li's types: not classifiable. Follow-ups from a recorded recurrence on are left out: the types describe the course
/// to the cure.
/// </para>
/// <para>
/// <b>SKKU 2008 groups</b> [D reading]: A immediate, no relapse (as Li type 1); B temporary relapse then cure (gone,
/// back, gone again — at any time, while no recurrence is recorded); C slow steady cure (not gone at the first
/// follow-up, gone later; SKKU's "≥1 month" is shown, a quicker delayed cure is also placed here); D recurrence (a
/// recurrence recorded after a cure); E no or partial improvement (failed). A and B need a follow-up by day 14.
/// </para>
/// </summary>
public static class OutcomeGrading
{
    public const string Li = "Li 2005";
    public const string Skku = "SKKU 2008";
    public const int TwoYearsDays = 730;
    public const int Type3ByDay = 122;

    public static OutcomeGrade Grade(SpasmState state) => state switch
    {
        SpasmState.Gone => OutcomeGrade.Excellent,
        SpasmState.NinetyPercentBetter => OutcomeGrade.Good,
        SpasmState.AboutHalf => OutcomeGrade.Fair,
        _ => OutcomeGrade.Poor,
    };

    public static string GradeText(OutcomeGrade grade) => grade switch
    {
        OutcomeGrade.Excellent => "Excellent (spasm gone)",
        OutcomeGrade.Good => "Good (occasional mild spasm, ≥90 % better)",
        OutcomeGrade.Fair => "Fair (partial improvement, about half)",
        _ => "Poor (unchanged or worse)",
    };

    /// <summary>Li 2005 time-course type; <paramref name="cure"/> is the case's <see cref="DelayedCure.Assess"/>.</summary>
    public static SchemeResult LiType(PostOperativeCourse course, CureAssessment cure)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cure);
        if (cure.State == CureState.Failed)
        {
            return new(Li, "Type 4", "Failed", cure.Text);
        }

        if (cure.State is CureState.NoFollowUp or CureState.NotYetCured)
        {
            return NotYet(Li, "The spasm has not been seen gone yet.");
        }

        if (course.Early is not { } early)
        {
            return NotYet(Li, "No follow-up by day 14, so it is not known whether the cure was immediate.");
        }

        if (early.State != SpasmState.Gone)
        {
            return cure.DaysToCure <= TwoYearsDays
                ? new(Li, "Type 2", "Persisted milder, then faded (delayed cure)",
                    $"Spasm present at day {course.DayOf(early.SeenOn)}, gone by day {cure.DaysToCure}.")
                : NotYet(Li, "Cured after more than 2 years, beyond Li's types.");
        }

        // Li's types describe the course to the cure: follow-ups from a recorded recurrence on are not part of it.
        var ordered = course.Ordered.Where(o => course.RecurredOn is not { } r || o.SeenOn < r).ToList();
        var back = ordered.FirstOrDefault(o => o.State != SpasmState.Gone);
        if (back is null)
        {
            return new(Li, "Type 1", "Cured immediately",
                $"Spasm gone at day {course.DayOf(early.SeenOn)} and at every follow-up since.");
        }

        var goneAgain = ordered.SkipWhile(o => !ReferenceEquals(o, back)).FirstOrDefault(o => o.State == SpasmState.Gone);
        if (goneAgain is not null && course.DayOf(goneAgain.SeenOn) <= Type3ByDay && IsGoneFrom(ordered, goneAgain))
        {
            return new(Li, "Type 3", "Stopped, came back, then faded within 3 months",
                $"Spasm back at day {course.DayOf(back.SeenOn)}, gone again by day {course.DayOf(goneAgain.SeenOn)}.");
        }

        return NotYet(Li, goneAgain is null && course.DayOf(ordered[^1].SeenOn) <= Type3ByDay
            ? "Spasm came back after an immediate cure; wait for the 3-month follow-up."
            : "Spasm came back after an immediate cure and did not fade within 3 months; this fits none of Li's types.");
    }

    /// <summary>SKKU 2008 group A–E; <paramref name="cure"/> is the case's <see cref="DelayedCure.Assess"/>.</summary>
    public static SchemeResult SkkuGroup(PostOperativeCourse course, CureAssessment cure)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(cure);
        switch (cure.State)
        {
            case CureState.Failed:
                return new(Skku, "E", "No or partial improvement", cure.Text);
            case CureState.Recurred:
                return new(Skku, "D", "Recurrence", cure.Text);
            case CureState.NoFollowUp or CureState.NotYetCured:
                return NotYet(Skku, "The spasm has not been seen gone yet.");
        }

        var ordered = course.Ordered;
        var first = ordered[0];
        if (first.State != SpasmState.Gone)
        {
            var days = cure.DaysToCure!.Value;
            return new(Skku, "C", "Slow steady cure",
                days >= 28
                    ? $"Spasm present at day {course.DayOf(first.SeenOn)}, gone by day {days}."
                    : $"Spasm present at day {course.DayOf(first.SeenOn)}, gone by day {days} (quicker than SKKU's ≥1 month).");
        }

        var back = ordered.FirstOrDefault(o => o.State != SpasmState.Gone);
        if (back is not null)
        {
            var goneAgain = ordered.SkipWhile(o => !ReferenceEquals(o, back)).FirstOrDefault(o => o.State == SpasmState.Gone);
            return goneAgain is not null && IsGoneFrom(ordered, goneAgain)
                ? new(Skku, "B", "Temporary relapse, then cure",
                    $"Spasm back at day {course.DayOf(back.SeenOn)}, gone again by day {course.DayOf(goneAgain.SeenOn)}.")
                : NotYet(Skku, "Spasm has come back since the cure: a temporary relapse (B) or a recurrence (D); record a recurrence if it persists.");
        }

        if (course.Early is null)
        {
            return NotYet(Skku, "No follow-up by day 14, so it is not known whether the cure was immediate (A) or slow (C).");
        }

        return new(Skku, "A", "Immediate cure, no relapse",
            $"Spasm gone at day {course.DayOf(first.SeenOn)} and at every follow-up since.");
    }

    private static bool IsGoneFrom(IReadOnlyList<SpasmObservation> ordered, SpasmObservation from) =>
        ordered.SkipWhile(o => !ReferenceEquals(o, from)).All(o => o.State == SpasmState.Gone);

    private static SchemeResult NotYet(string scheme, string why) => new(scheme, null, "Not yet classifiable", why);
}
