using System.Globalization;
using System.Text;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// The outcome report's figures as CSV (one row per figure, then the length-of-stay histogram and the survival
/// table). Aggregates only. Text that a spreadsheet could read as a formula is prefixed with an apostrophe.
/// </summary>
public static class MvdOutcomesCsv
{
    public static string Write(MvdOutcomes.Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        Line(sb, "section", "figure", "count", "of", "percent", "ci_low", "ci_high", "ci_method", "published", "published_source", "note");
        Line(sb, "filter", "period",
            (report.Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any") + " to "
            + (report.Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "any"),
            "", "", "", "", "", "", "", $"hospital: {report.SiteName ?? "all"}; surgeon: {report.Filter.Surgeon ?? "all"}; run on {report.RunOn:yyyy-MM-dd}");
        Line(sb, "cases", "Operated cases", Int(report.Cases), "", "", "", "", "", "", "", "");
        foreach (var f in report.Resolution)
        {
            Figure(sb, "resolution", f);
        }

        var c = report.Cures;
        Line(sb, "cure", "Cured immediately", Int(c.Immediate), Int(report.Cases), "", "", "", "", "", "", "");
        Line(sb, "cure", "Cured after a delay", Int(c.Delayed), Int(report.Cases), "", "", "", "", "", "", "");
        Line(sb, "cure", "Not yet cured, within the window", Int(c.NotYetCured), Int(report.Cases), "", "", "", "", "", "", $"window {report.WindowMonths} months");
        Line(sb, "cure", "Failed", Int(c.Failed), Int(report.Cases), "", "", "", "", "", "", "");
        Line(sb, "cure", "Recurred after a cure", Int(c.Recurred), Int(report.Cases), "", "", "", "", "", "", "");
        Line(sb, "cure", "No follow-up yet", Int(c.NoFollowUp), Int(report.Cases), "", "", "", "", "", "", "");
        Figure(sb, "cure", report.DelayedShare);
        foreach (var row in report.Complications)
        {
            Figure(sb, "complications", row.Any);
            Figure(sb, "complications", row.Transient);
            Figure(sb, "complications", row.Permanent);
            Line(sb, "complications", row.Label + " (not yet settled)", Int(row.Ongoing), Int(report.Cases), "", "", "", "", "", "", "");
        }

        Line(sb, "stay", "Median length of stay (days)",
            report.Stay.Median?.ToString("0.#", CultureInfo.InvariantCulture) ?? "", Int(report.Stay.Stays), "", "", "", "", "", "", "");
        Figure(sb, "stay", report.Stay.WithinTarget);
        foreach (var b in report.Stay.Histogram)
        {
            Line(sb, "stay-histogram", b.Label, Int(b.Count), Int(report.Stay.Stays), "", "", "", "", "", "", "");
        }

        Figure(sb, "recurrence", report.Recurrence);
        Figure(sb, "redo", report.Redo);
        foreach (var s in report.Survival.Steps)
        {
            Line(sb, "survival", $"day {s.Time.ToString("0", CultureInfo.InvariantCulture)}: {s.AtRisk} at risk, {s.Events} events, {s.Censored} censored",
                Int(s.Events), Int(s.AtRisk), Pct(s.Survival), s.Lower is { } lo ? Pct(lo) : "", s.Upper is { } hi ? Pct(hi) : "", "log-log", "", "", "");
        }

        return sb.ToString();
    }

    private static void Figure(StringBuilder sb, string section, MvdOutcomes.Figure f)
    {
        var p = f.Interval;
        Line(sb, section, f.Label, Int(f.Count), Int(f.Of), p is null ? "" : Pct(p.Estimate), p is null ? "" : Pct(p.Lower),
            p is null ? "" : Pct(p.Upper), p?.MethodText ?? "", f.Anchor?.PercentText ?? "", f.Anchor?.Source ?? "",
            f.Small || f.Of == 0 ? f.SmallNote + " " + f.Note : f.Note ?? "");
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, params string[] cells)
    {
        sb.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
    }

    private static string Cell(string value)
    {
        value = value.Trim();
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
