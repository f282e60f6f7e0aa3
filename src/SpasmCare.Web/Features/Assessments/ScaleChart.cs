using System.Text.Json;
using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// The data of one instrument's chart, written into the page as a JSON block that <c>wwwroot/js/scale-chart.js</c>
/// draws with Chart.js. X values are UTC instants in milliseconds (a linear axis, no date adapter); the script
/// labels ticks with dates in <see cref="TimeZone"/>.
/// </summary>
public sealed record ScaleChart(
    string Code, string Name, string TimeZone, decimal Min, decimal Max, bool HigherIsWorse,
    IReadOnlyDictionary<string, string>? TickLabels, IReadOnlyList<ScaleChart.Point> Points,
    IReadOnlyList<ScaleChart.Marker> Markers)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One total: X in milliseconds since 1970 (UTC); Label as written on the page ("11", "III").</summary>
    public sealed record Point(long X, decimal Y, string Date, string Label);

    /// <summary>A vertical line on the chart, such as a treatment date.</summary>
    public sealed record Marker(long X, string Label);

    /// <summary>
    /// The chart of a series: every current score with a total. <paramref name="markers"/> is the hook for treatment
    /// dates (injections, operations) once those modules exist; the script already draws them as vertical lines.
    /// </summary>
    public static ScaleChart From(ScaleHistory.Series series, ClinicTime clock, IReadOnlyList<Marker>? markers = null)
    {
        var definition = series.Definition;
        var points = series.Rows
            .Where(r => r.Total is not null)
            .Select(r => new Point(Milliseconds(r.AssessedAtUtc), r.Total!.Value,
                ScaleFormats.Date(clock.Local(r.AssessedAtUtc)), r.TotalText))
            .ToList();
        Dictionary<string, string>? ticks = null;
        if (definition.Notation == ScoreNotation.RomanGrade)
        {
            ticks = [];
            for (var v = (int)definition.TotalMin; v <= (int)definition.TotalMax; v++)
            {
                ticks[v.ToString(System.Globalization.CultureInfo.InvariantCulture)] = definition.Format(v);
            }
        }

        return new ScaleChart(definition.Code, series.Name, clock.TimeZoneId, definition.TotalMin, definition.TotalMax,
            definition.Direction == ScoreDirection.HigherIsWorse, ticks, points, markers ?? []);
    }

    public static long Milliseconds(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>The JSON for the page; the default encoder escapes &lt; and &gt;, so it is safe inside a script block.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>An id for the page's elements: "scale-chart-HFS7".</summary>
    public string ElementId(string prefix) => prefix + "-" + new string(Code.Where(char.IsAsciiLetterOrDigit).ToArray());
}
