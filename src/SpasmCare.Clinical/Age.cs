namespace SpasmCare.Clinical;

/// <summary>Age from a date of birth, as clinicians write it.</summary>
public static class Age
{
    /// <summary>Completed years on <paramref name="today"/>; a 29 February birthday counts on 1 March in common years.</summary>
    public static int InYears(DateOnly birthDate, DateOnly today)
    {
        if (today < birthDate)
        {
            throw new ArgumentOutOfRangeException(nameof(today), "The date is before the date of birth.");
        }

        var years = today.Year - birthDate.Year;
        var birthdayThisYear = birthDate.Month == 2 && birthDate.Day == 29 && !DateTime.IsLeapYear(today.Year)
            ? new DateOnly(today.Year, 3, 1)
            : new DateOnly(today.Year, birthDate.Month, birthDate.Day);
        return today < birthdayThisYear ? years - 1 : years;
    }

    /// <summary>"42 y" for adults and children; "7 mo" under two years; "12 d" under one month.</summary>
    public static string Describe(DateOnly birthDate, DateOnly today)
    {
        var years = InYears(birthDate, today);
        if (years >= 2)
        {
            return $"{years} y";
        }

        var months = ((today.Year - birthDate.Year) * 12) + today.Month - birthDate.Month - (today.Day < birthDate.Day ? 1 : 0);
        return months >= 1 ? $"{months} mo" : $"{today.DayNumber - birthDate.DayNumber} d";
    }
}
