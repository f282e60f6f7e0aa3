using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// The dose and timing checks for a botulinum toxin session (DOMAIN §3.2, §3.5, §3.7; checklist §7 item 4). They
/// warn; the clinician decides. Doses are compared in onabotulinumtoxinA-equivalent units: product units ÷ the
/// product's ratio (<see cref="DoseCheck.OnaRatio"/>, the low bound of DOMAIN §3.8, so the estimate errs high).
/// <list type="bullet">
/// <item><c>per-site-max</c>: a point above <see cref="DoseRuleSettings.PerSiteMaxUnits"/>. Each point is one site.
/// Trigeminal sites (masseter, temporalis) are exempt: their hemimasticatory doses are on another scale, and in HFS
/// they raise <c>trigeminal-in-hfs</c> instead. Points at an unknown site are checked.</item>
/// <item><c>per-session-max</c>: the session total above <see cref="DoseRuleSettings.PerSessionMaxUnits"/>.</item>
/// <item><c>cumulative-30-days</c>: this session plus the earlier sessions dated 0–29 days before it (a 30-calendar-day
/// period ending on the session date; a session exactly 30 days before is outside) above
/// <see cref="DoseRuleSettings.CumulativeMax30DaysUnits"/>. Boosters count.</item>
/// <item><c>interval</c>: fewer than <see cref="DoseRuleSettings.MinIntervalWeeks"/> × 7 days since the most recent
/// earlier session, booster or not (exactly 84 days does not warn). Not raised for a booster given no later than the
/// end of the booster window after its full session: the booster warning covers it.</item>
/// <item><c>booster</c>: every booster warns. Inside the window (<see cref="DoseRuleSettings.BoosterFromWeeks"/> to
/// <see cref="DoseRuleSettings.BoosterToWeeks"/> weeks after the last full session, both ends included) because
/// boosters add dose and are linked to neutralising antibodies (DOMAIN §3.9: avoid boosters); before it because the
/// full session has not reached its peak (1–2 weeks, DOMAIN §3.4); after it, with no full session before it, or after
/// another booster because it is then a re-injection and is checked as one.</item>
/// <item><c>medial-lower-lid</c> and <c>levator</c>: a point at a site with
/// <see cref="ToxinMuscle.DiplopiaRisk"/> or <see cref="ToxinMuscle.PtosisRisk"/> (DOMAIN §3.7); once per site and side.</item>
/// <item><c>trigeminal-in-hfs</c>: a trigeminal site in a hemifacial-spasm session (DOMAIN §3.2); once per site and side.</item>
/// </list>
/// Invalid input never throws: <see cref="Validate"/> lists it as field errors, and <see cref="Evaluate"/> leaves out
/// points with negative units, treats a ratio of 0 or less as 1, and checks an unknown site only against the dose limits.
/// </summary>
public static class DoseRules
{
    /// <summary>Length of the cumulative-dose period in calendar days, the session date included (DOMAIN §3.2).</summary>
    public const int CumulativeWindowDays = 30;

    /// <summary>
    /// Input problems as field errors named like the record's members ("Points[2].Units", "OnaRatio"): an unknown or
    /// missing site code, units of 0 or less, a side other than Left or Right, an undefined technique or indication, a
    /// ratio of 0 or less, negative prior units. Empty when valid; never throws.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(DoseCheck check)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(check.Indication))
        {
            errors.Add(new(nameof(DoseCheck.Indication), "Choose the indication."));
        }

        if (check.OnaRatio <= 0)
        {
            errors.Add(new(nameof(DoseCheck.OnaRatio), "The product's ratio to onabotulinumtoxinA units must be more than 0."));
        }

        var points = check.Points ?? [];
        for (var i = 0; i < points.Count; i++)
        {
            ValidatePoint(errors, $"{nameof(DoseCheck.Points)}[{i}]", points[i]);
        }

        var prior = check.Prior ?? [];
        for (var i = 0; i < prior.Count; i++)
        {
            var field = $"{nameof(DoseCheck.Prior)}[{i}]";
            if (prior[i] is not { } session)
            {
                errors.Add(new(field, "An earlier session is missing."));
                continue;
            }

            if (session.Units < 0)
            {
                errors.Add(new($"{field}.{nameof(PriorSession.Units)}", $"The earlier session of {ToxinText.Date(session.Date)} has negative units ({ToxinText.Units(session.Units)} U)."));
            }

            if (session.OnaRatio <= 0)
            {
                errors.Add(new($"{field}.{nameof(PriorSession.OnaRatio)}", $"The earlier session of {ToxinText.Date(session.Date)} has a ratio of 0 or less."));
            }
        }

        return errors;
    }

    /// <summary>The session total, the 30-day cumulative dose and the intervals the warnings are based on.</summary>
    public static DoseSummary Summarise(DoseCheck check)
    {
        var sessionUnits = CountedPoints(check).Sum(p => p.Units);
        var sessionOna = sessionUnits / Ratio(check.OnaRatio);
        var earlier = Earlier(check);
        var cumulative = sessionOna + earlier
            .Where(s => check.SessionDate.DayNumber - s.Date.DayNumber < CumulativeWindowDays)
            .Sum(s => Math.Max(0m, s.Units) / Ratio(s.OnaRatio));
        var last = earlier.Count == 0 ? (DateOnly?)null : earlier.Max(s => s.Date);
        var full = earlier.Where(s => !s.IsBooster).ToList();
        var lastFull = full.Count == 0 ? (DateOnly?)null : full.Max(s => s.Date);

        return new(
            sessionUnits,
            sessionOna,
            cumulative,
            last is { } l ? check.SessionDate.DayNumber - l.DayNumber : null,
            last,
            lastFull is { } f ? check.SessionDate.DayNumber - f.DayNumber : null,
            lastFull);
    }

    /// <summary>The warnings for a session, in the order of <see cref="DoseWarningCodes.All"/>; empty when none apply.</summary>
    public static IReadOnlyList<DoseWarning> Evaluate(DoseCheck check, DoseRuleSettings settings)
    {
        var warnings = new List<DoseWarning>();
        var summary = Summarise(check);
        var ratio = Ratio(check.OnaRatio);
        var points = CountedPoints(check);

        PerSite(warnings, points, ratio, settings);
        PerSession(warnings, summary, ratio, settings);
        Cumulative(warnings, check, summary, settings);
        var boosterCoversInterval = Booster(warnings, check, summary, settings);
        if (!boosterCoversInterval)
        {
            Interval(warnings, check, summary, settings);
        }

        SiteRisks(warnings, check, points);
        return Order(warnings);
    }

    /// <summary>A usable ratio: the given one when above 0, otherwise 1 (no conversion).</summary>
    internal static decimal Ratio(decimal ratio) => ratio > 0 ? ratio : 1m;

    private static void ValidatePoint(List<FieldError> errors, string field, PlannedPoint? point)
    {
        if (point is null)
        {
            errors.Add(new(field, "A point is missing."));
            return;
        }

        if (string.IsNullOrWhiteSpace(point.MuscleCode))
        {
            errors.Add(new($"{field}.{nameof(PlannedPoint.MuscleCode)}", "Choose the injection site."));
        }
        else if (ToxinMuscleCatalogue.Find(point.MuscleCode) is null)
        {
            errors.Add(new($"{field}.{nameof(PlannedPoint.MuscleCode)}", $"Unknown injection site '{point.MuscleCode}'."));
        }

        if (point.Units <= 0)
        {
            errors.Add(new($"{field}.{nameof(PlannedPoint.Units)}", $"Units must be more than 0 (got {ToxinText.Units(point.Units)})."));
        }

        if (point.Side is not (AffectedSide.Left or AffectedSide.Right))
        {
            errors.Add(new($"{field}.{nameof(PlannedPoint.Side)}", "Choose the side: left or right."));
        }

        if (!Enum.IsDefined(point.Technique))
        {
            errors.Add(new($"{field}.{nameof(PlannedPoint.Technique)}", "Choose the technique."));
        }
    }

    private static List<PlannedPoint> CountedPoints(DoseCheck check) =>
        [.. (check.Points ?? []).Where(p => p is not null && p.Units >= 0)];

    private static List<PriorSession> Earlier(DoseCheck check) =>
        [.. (check.Prior ?? []).Where(s => s is not null && s.Date <= check.SessionDate)];

    private static string SiteLabel(PlannedPoint point)
    {
        var muscle = ToxinMuscleCatalogue.Find(point.MuscleCode);
        var name = muscle is not null ? ToxinText.InSentence(muscle.Name)
            : string.IsNullOrWhiteSpace(point.MuscleCode) ? "a point with no site" : $"unknown site '{point.MuscleCode}'";
        var side = ToxinText.Side(point.Side);
        return side.Length == 0 ? name : $"{name} ({side})";
    }

    private static string Equivalent(decimal units, decimal ratio) =>
        ratio == 1m ? "" : $" (≈ {ToxinText.Units(units / ratio)} U onabotulinumtoxinA-equivalent at 1:{ToxinText.Ratio(ratio)})";

    private static void PerSite(List<DoseWarning> warnings, List<PlannedPoint> points, decimal ratio, DoseRuleSettings settings)
    {
        foreach (var point in points)
        {
            if (ToxinMuscleCatalogue.Find(point.MuscleCode) is { IsTrigeminal: true })
            {
                continue;
            }

            if (point.Units / ratio > settings.PerSiteMaxUnits)
            {
                warnings.Add(new(
                    DoseWarningCodes.PerSiteMax,
                    $"{ToxinText.Units(point.Units)} U{Equivalent(point.Units, ratio)} at {SiteLabel(point)} exceeds the {ToxinText.Units(settings.PerSiteMaxUnits)} U per-site maximum.",
                    "DOMAIN §3.2"));
            }
        }
    }

    private static void PerSession(List<DoseWarning> warnings, DoseSummary summary, decimal ratio, DoseRuleSettings settings)
    {
        if (summary.SessionOnaUnits > settings.PerSessionMaxUnits)
        {
            warnings.Add(new(
                DoseWarningCodes.PerSessionMax,
                $"Session total {ToxinText.Units(summary.SessionUnits)} U{Equivalent(summary.SessionUnits, ratio)} exceeds the {ToxinText.Units(settings.PerSessionMaxUnits)} U per-session maximum.",
                "DOMAIN §3.2"));
        }
    }

    private static void Cumulative(List<DoseWarning> warnings, DoseCheck check, DoseSummary summary, DoseRuleSettings settings)
    {
        if (summary.Cumulative30DaysOnaUnits <= settings.CumulativeMax30DaysUnits)
        {
            return;
        }

        var earlier = summary.Cumulative30DaysOnaUnits - summary.SessionOnaUnits;
        var converted = Ratio(check.OnaRatio) != 1m || Earlier(check).Any(s => Ratio(s.OnaRatio) != 1m);
        var unit = converted ? " U onabotulinumtoxinA-equivalent" : " U";
        warnings.Add(new(
            DoseWarningCodes.Cumulative30Days,
            $"This session's {ToxinText.Units(summary.SessionOnaUnits)}{unit} plus {ToxinText.Units(earlier)}{unit} in the {CumulativeWindowDays - 1} days before it makes {ToxinText.Units(summary.Cumulative30DaysOnaUnits)}{unit} in {CumulativeWindowDays} days, above the {ToxinText.Units(settings.CumulativeMax30DaysUnits)} U 30-day maximum.",
            "DOMAIN §3.2"));
    }

    /// <summary>Adds the booster warning; true when it covers the interval (a booster no later than the window's end).</summary>
    private static bool Booster(List<DoseWarning> warnings, DoseCheck check, DoseSummary summary, DoseRuleSettings settings)
    {
        if (!check.IsBooster)
        {
            return false;
        }

        var window = $"{settings.BoosterFromWeeks}–{settings.BoosterToWeeks} week booster window";
        if (summary.LastFullSession is not { } fullDate || summary.DaysSinceLastFullSession is not { } days)
        {
            warnings.Add(new(DoseWarningCodes.Booster,
                "Marked as a booster, but there is no earlier full session to boost; it is checked as a full session.",
                "DOMAIN §3.5"));
            return false;
        }

        var full = ToxinText.Date(fullDate);
        var earlierBooster = Earlier(check).Where(s => s.IsBooster && s.Date >= fullDate).Select(s => (DateOnly?)s.Date).Max();
        if (earlierBooster is { } boosterDate)
        {
            warnings.Add(new(DoseWarningCodes.Booster,
                $"A booster was already given on {ToxinText.Date(boosterDate)} after the full session of {full}; a second booster is checked as a re-injection.",
                "DOMAIN §3.5"));
            return false;
        }

        if (days < settings.BoosterFromWeeks * 7)
        {
            warnings.Add(new(DoseWarningCodes.Booster,
                $"Booster only {ToxinText.Days(days)} after the full session of {full}, before the {window}: that session has not reached its peak effect (1–2 weeks), so it cannot be judged yet.",
                "DOMAIN §3.4, §3.5"));
            return true;
        }

        if (days <= settings.BoosterToWeeks * 7)
        {
            warnings.Add(new(DoseWarningCodes.Booster,
                $"Booster {ToxinText.Days(days)} after the full session of {full}, inside the {window}: boosters add to the dose and are linked to neutralising antibodies, so they are best avoided.",
                "DOMAIN §3.5, §3.9"));
            return true;
        }

        warnings.Add(new(DoseWarningCodes.Booster,
            $"Marked as a booster, but {ToxinText.Days(days)} after the full session of {full}, after the {window}; it is checked as a re-injection.",
            "DOMAIN §3.5"));
        return false;
    }

    private static void Interval(List<DoseWarning> warnings, DoseCheck check, DoseSummary summary, DoseRuleSettings settings)
    {
        if (summary.DaysSinceLastSession is not { } days || summary.LastSession is not { } last || days >= settings.MinIntervalDays)
        {
            return;
        }

        var kind = Earlier(check).Where(s => s.Date == last).All(s => s.IsBooster) ? " (a booster)" : "";
        warnings.Add(new(
            DoseWarningCodes.Interval,
            $"Only {ToxinText.Days(days)} since the last session on {ToxinText.Date(last)}{kind}, less than the {settings.MinIntervalWeeks}-week ({settings.MinIntervalDays}-day) minimum interval: tolerance may develop with treatment more often than every 3 months.",
            "DOMAIN §3.5"));
    }

    private static void SiteRisks(List<DoseWarning> warnings, DoseCheck check, List<PlannedPoint> points)
    {
        foreach (var point in points.DistinctBy(p => (Code: (p.MuscleCode ?? "").Trim().ToUpperInvariant(), p.Side)))
        {
            if (ToxinMuscleCatalogue.Find(point.MuscleCode) is not { } muscle)
            {
                continue;
            }

            var site = SiteLabel(point);
            if (muscle.DiplopiaRisk)
            {
                warnings.Add(new(DoseWarningCodes.MedialLowerLid,
                    $"Injection at {site}: toxin here can spread to the inferior oblique muscle and cause double vision (diplopia); the label advises avoiding the medial lower lid.",
                    "DOMAIN §3.7"));
            }

            if (muscle.PtosisRisk)
            {
                warnings.Add(new(DoseWarningCodes.Levator,
                    $"Injection at {site}: toxin over the levator palpebrae can cause a drooping upper lid (ptosis); the label advises avoiding the levator region.",
                    "DOMAIN §3.7"));
            }

            if (muscle.IsTrigeminal && check.Indication == InjectionIndication.HemifacialSpasm)
            {
                warnings.Add(new(DoseWarningCodes.TrigeminalInHfs,
                    $"Injection at {site} in a hemifacial-spasm session: this muscle is supplied by the trigeminal nerve (CN V), not the facial nerve, so it is a target in hemimasticatory spasm, not in hemifacial spasm.",
                    "DOMAIN §3.2"));
            }
        }
    }

    private static List<DoseWarning> Order(List<DoseWarning> warnings)
    {
        var codes = DoseWarningCodes.All;
        return [.. warnings.Select((w, i) => (w, i)).OrderBy(x => IndexOf(codes, x.w.Code)).ThenBy(x => x.i).Select(x => x.w)];
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            if (string.Equals(codes[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return codes.Count;
    }
}
