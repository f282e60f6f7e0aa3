namespace SpasmCare.Clinical.Surgery;

/// <summary>Where an operated case stands on the way to a cure (DOMAIN §4.4).</summary>
public enum CureState
{
    /// <summary>No follow-up has been recorded yet.</summary>
    NoFollowUp = 0,

    /// <summary>The spasm was gone at the first follow-up, seen within the 1-week window (by day 14).</summary>
    CuredImmediately = 1,

    /// <summary>The spasm was still there at the first follow-up, or the first follow-up came later, and has since gone.</summary>
    CuredDelayed = 2,

    /// <summary>Not cured yet, but the failure window has not ended and the surgeon has not declared failure.</summary>
    NotYetCured = 3,

    /// <summary>Never cured, and either the surgeon declared failure or the failure window has ended.</summary>
    Failed = 4,

    /// <summary>The spasm came back after a cure and a recurrence was recorded.</summary>
    Recurred = 5,
}

/// <summary>The delayed-cure assessment of a case on a given day.</summary>
/// <param name="State">Where the case stands.</param>
/// <param name="CuredOn">The first follow-up at which the spasm was gone; the cure happened on or before it.</param>
/// <param name="DaysToCure">Days from the operation to <paramref name="CuredOn"/> (an upper bound of the true time).</param>
/// <param name="WindowEndsOn">The day after which a case that was never cured counts as failed.</param>
/// <param name="SpasmSeenSinceCure">A follow-up after the cure found spasm again (and no recurrence is recorded).</param>
/// <param name="FailureDeclared">The surgeon declared the operation failed (a later cure still counts as a cure).</param>
/// <param name="Text">One sentence for the case page.</param>
/// <param name="Immediate">The cure was immediate (kept when a recurrence follows).</param>
public sealed record CureAssessment(
    CureState State, DateOnly? CuredOn, int? DaysToCure, DateOnly WindowEndsOn, bool SpasmSeenSinceCure,
    bool FailureDeclared, string Text, bool Immediate = false)
{
    public bool IsCured => State is CureState.CuredImmediately or CureState.CuredDelayed or CureState.Recurred;
}

/// <summary>
/// Delayed cure after MVD (DOMAIN §4.4): up to a quarter of cures come days to months after the operation, so a case
/// is not called failed before a window of 6 to 12 months (a clinic setting, default 12) unless the surgeon declares
/// failure. Rules:
/// <list type="bullet">
/// <item>the cure is the first follow-up with the spasm gone; "immediate" when that is the first follow-up and it was
/// seen by day 14 (the 1-week window), otherwise "delayed, by day N";</item>
/// <item>a cure stands even if the surgeon had declared failure earlier (the patient's course wins), and even if a
/// later follow-up finds spasm again — that is flagged (<see cref="CureAssessment.SpasmSeenSinceCure"/>) until a
/// recurrence is recorded;</item>
/// <item>a recorded recurrence (after a cure) makes the state <see cref="CureState.Recurred"/>;</item>
/// <item>never cured: failed when declared, or when <c>today</c> is after the window's end and there is at least one
/// follow-up; not yet cured before that; no follow-up when none has been recorded.</item>
/// </list>
/// </summary>
public static class DelayedCure
{
    public const int MinWindowMonths = 6;
    public const int MaxWindowMonths = 12;
    public const int DefaultWindowMonths = 12;

    public static CureAssessment Assess(PostOperativeCourse course, DateOnly today, int windowMonths = DefaultWindowMonths)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowMonths, MinWindowMonths);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowMonths, MaxWindowMonths);

        var windowEnds = course.OperatedOn.AddMonths(windowMonths);
        var ordered = course.Ordered;
        if (course.FirstGone is { } cure)
        {
            var days = course.DayOf(cure.SeenOn);
            var immediate = ReferenceEquals(cure, ordered[0]) && days <= PostOperativeCourse.EarlyDays;
            var after = ordered.SkipWhile(o => !ReferenceEquals(o, cure)).Skip(1).ToList();
            var relapse = course.RecurredOn is null && after.Count > 0 && after[^1].State != SpasmState.Gone;
            if (course.RecurredOn is { } recurred && recurred >= cure.SeenOn)
            {
                return new CureAssessment(CureState.Recurred, cure.SeenOn, days, windowEnds, false, course.DeclaredFailed,
                    $"Cured {(immediate ? "immediately" : $"by day {days}")}; the spasm recurred on {Iso(recurred)}.", immediate);
            }

            var text = immediate
                ? $"Cured immediately: spasm gone at the first follow-up, day {days}."
                : $"Cured after a delay: spasm first seen gone on day {days}.";
            if (relapse)
            {
                text += " Spasm was seen again at the last follow-up; record a recurrence if it has come back.";
            }

            return new CureAssessment(immediate ? CureState.CuredImmediately : CureState.CuredDelayed, cure.SeenOn, days,
                windowEnds, relapse, course.DeclaredFailed, text, immediate);
        }

        if (course.DeclaredFailed)
        {
            return new CureAssessment(CureState.Failed, null, null, windowEnds, false, true,
                "Failed: the surgeon declared the operation failed.");
        }

        if (ordered.Count == 0)
        {
            return new CureAssessment(CureState.NoFollowUp, null, null, windowEnds, false, false, "No follow-up recorded yet.");
        }

        if (today > windowEnds)
        {
            return new CureAssessment(CureState.Failed, null, null, windowEnds, false, false,
                $"Failed: not cured when last seen on {Iso(ordered[^1].SeenOn)}, and the {windowMonths}-month window ended on {Iso(windowEnds)}.");
        }

        return new CureAssessment(CureState.NotYetCured, null, null, windowEnds, false, false,
            $"Not yet cured, within the {windowMonths}-month window (to {Iso(windowEnds)}): delayed cures are common, so this is not a failure yet.");
    }

    /// <summary>Reads a stored window ("12"); falls back to <see cref="DefaultWindowMonths"/> when blank or outside 6–12.</summary>
    public static int ParseWindow(string? stored) =>
        int.TryParse(stored, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var months)
        && months is >= MinWindowMonths and <= MaxWindowMonths
            ? months
            : DefaultWindowMonths;

    private static string Iso(DateOnly d) => d.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
