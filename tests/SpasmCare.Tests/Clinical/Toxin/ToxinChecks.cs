using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;

namespace SpasmCare.Tests.Clinical.Toxin;

/// <summary>Builders for dose checks: a session on <see cref="Day"/> and earlier sessions so many days before it.</summary>
internal static class ToxinChecks
{
    public static readonly DateOnly Day = new(2025, 6, 30);

    public static PlannedPoint Point(string code, decimal units, AffectedSide side = AffectedSide.Right) =>
        new(code, side, units, ToxinMuscleCatalogue.Find(code)?.DefaultTechnique ?? InjectionTechnique.Standard);

    /// <summary><paramref name="count"/> points of <paramref name="units"/> at the platysma (a 2.5–5 U site).</summary>
    public static PlannedPoint[] Platysma(int count, decimal units) =>
        [.. Enumerable.Range(0, count).Select(_ => Point("platysma", units))];

    public static PriorSession Before(int days, decimal units, bool booster = false, decimal ratio = 1m) =>
        new(Day.AddDays(-days), units, ratio, booster);

    public static DoseCheck Check(
        IReadOnlyList<PlannedPoint>? points = null,
        IReadOnlyList<PriorSession>? prior = null,
        bool booster = false,
        decimal ratio = 1m,
        InjectionIndication indication = InjectionIndication.HemifacialSpasm) =>
        new(Day, indication, ratio, booster, points ?? [], prior ?? []);

    public static IReadOnlyList<DoseWarning> Warnings(DoseCheck check, DoseRuleSettings? settings = null) =>
        DoseRules.Evaluate(check, settings ?? DoseRuleSettings.Default);

    public static List<DoseWarning> Warnings(DoseCheck check, string code) =>
        [.. Warnings(check).Where(w => w.Code == code)];

    public static string[] Codes(DoseCheck check) => [.. Warnings(check).Select(w => w.Code)];
}
