namespace SpasmCare.Clinical.Surgery;

/// <summary>
/// The length of a hospital stay, from admission to discharge, both as local date and time at the hospital.
/// </summary>
/// <param name="Nights">Midnights spent in hospital: discharge date minus admission date.</param>
/// <param name="Days">
/// The length of stay in days as hospitals count it: the admission day counts, the discharge day does not (so it
/// equals <see cref="Nights"/>), except that a same-day stay counts as 1 day — a day case still used a bed that day.
/// </param>
/// <param name="Hours">Elapsed hours, rounded down.</param>
public sealed record StayLength(int Nights, int Days, int Hours)
{
    /// <summary>Admitted and discharged on the same calendar day.</summary>
    public bool SameDay => Nights == 0;
}

/// <summary>A stay against the clinic's target (a setting; DOMAIN §4.2 asks not to hard-code one).</summary>
/// <param name="Stay">The stay.</param>
/// <param name="TargetDays">The target length of stay in days.</param>
/// <param name="DaysOverTarget">Days beyond the target; 0 when within it.</param>
public sealed record StayAgainstTarget(StayLength Stay, int TargetDays, int DaysOverTarget)
{
    public bool WithinTarget => DaysOverTarget == 0;
}

/// <summary>
/// Length of stay after MVD (DOMAIN §4.2: "a computed field (admission → discharge)"; targets vary from 1 to 15
/// days by country, so the target is the clinic's setting). Rules:
/// <list type="bullet">
/// <item>times are local wall-clock times at the hospital, so a stay is counted in the calendar days the ward sees;</item>
/// <item>nights = discharge date − admission date (midnights crossed);</item>
/// <item>days = nights, but at least 1: the admission day counts and the discharge day does not (the usual hospital
/// count), and a same-day stay is 1 day;</item>
/// <item>a discharge before the admission is an error; a discharge at the very minute of admission is a valid
/// (if odd) same-day stay of 0 hours;</item>
/// <item>over target = days − target when positive.</item>
/// </list>
/// </summary>
public static class LengthOfStay
{
    /// <summary>A default for clinics that have not set a target: discharge on the day after surgery, one night more.</summary>
    public const int DefaultTargetDays = 2;

    /// <summary>The stay, or a <see cref="FieldError"/> on <c>DischargedAt</c> when the discharge is before the admission.</summary>
    public static (StayLength? Stay, FieldError? Error) Compute(DateTime admittedAtLocal, DateTime dischargedAtLocal)
    {
        if (dischargedAtLocal < admittedAtLocal)
        {
            return (null, new FieldError("DischargedAt", "The discharge cannot be before the admission."));
        }

        var nights = DateOnly.FromDateTime(dischargedAtLocal).DayNumber - DateOnly.FromDateTime(admittedAtLocal).DayNumber;
        var hours = (int)Math.Floor((dischargedAtLocal - admittedAtLocal).TotalHours);
        return (new StayLength(nights, Math.Max(1, nights), hours), null);
    }

    public static StayAgainstTarget Against(StayLength stay, int targetDays)
    {
        ArgumentNullException.ThrowIfNull(stay);
        ArgumentOutOfRangeException.ThrowIfNegative(targetDays);
        return new StayAgainstTarget(stay, targetDays, Math.Max(0, stay.Days - targetDays));
    }

    /// <summary>Reads a stored target ("2"); falls back to <see cref="DefaultTargetDays"/> when blank or not a whole number 0–365.</summary>
    public static int ParseTarget(string? stored) =>
        int.TryParse(stored, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
        && days is >= 0 and <= 365
            ? days
            : DefaultTargetDays;
}
