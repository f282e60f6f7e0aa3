using System.Globalization;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>One line of an examination's summary: a heading and the findings in plain words.</summary>
public sealed record SummaryLine(string Term, string Text);

/// <summary>An examination in plain words, for the examination page and for anyone reading it later.</summary>
public static class ExaminationSummary
{
    public static IReadOnlyList<SummaryLine> Describe(FacialExamination exam)
    {
        var input = ExaminationInput.From(exam);
        var lines = new List<SummaryLine>
        {
            new("Affected side", ExaminationFields.SideLabel(exam.Side)),
            new("Involved regions", input.InvolvedRegions.Count == 0
                ? "Not recorded"
                : string.Join(", ", input.InvolvedRegions.Select(ExaminationFields.RegionLabel))),
        };

        if (exam.OnsetRegion is { } onset)
        {
            lines.Add(new("Began in", ExaminationFields.RegionLabel(onset)));
        }

        lines.Add(new("Spread", ExaminationFields.SpreadLabel(exam.Spread)));
        lines.Add(new("Contractions", ExaminationFields.ContractionLabel(exam.Contraction)));

        var findings = ExaminationFields.AllFindings
            .Where(f => f.Name != nameof(ExaminationInput.BothSidesSynchronous) || exam.Side == AffectedSide.Both)
            .Select(f => (f.Label, Value: f.Value(input)))
            .ToList();
        lines.Add(new("Present", Join(findings.Where(f => f.Value == true).Select(f => f.Label))));
        lines.Add(new("Absent", Join(findings.Where(f => f.Value == false).Select(f => f.Label))));
        lines.Add(new("Not examined", Join(findings.Where(f => f.Value is null).Select(f => f.Label))));

        lines.Add(new("Age at onset", exam.AgeAtOnsetYears is { } age ? age.ToString(CultureInfo.InvariantCulture) + " years" : "Not recorded"));
        lines.Add(new("Duration", exam.DurationMonths is { } months ? Duration(months) : "Not recorded"));
        if (exam.AggravatingFactors is { } aggravating)
        {
            lines.Add(new("Aggravated by", aggravating));
        }

        if (exam.RelievingFactors is { } relieving)
        {
            lines.Add(new("Relieved by", relieving));
        }

        return lines;
    }

    /// <summary>"8 months", "2 years", "3 years 4 months".</summary>
    public static string Duration(int months)
    {
        var years = months / 12;
        var rest = months % 12;
        static string Unit(int n, string one) => n.ToString(CultureInfo.InvariantCulture) + " " + one + (n == 1 ? "" : "s");
        return (years, rest) switch
        {
            (0, _) => Unit(rest, "month"),
            (_, 0) => Unit(years, "year"),
            _ => Unit(years, "year") + " " + Unit(rest, "month"),
        };
    }

    private static string Join(IEnumerable<string> labels)
    {
        var list = labels.ToList();
        return list.Count == 0 ? "—" : string.Join("; ", list);
    }
}
