using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>One ranked condition, with the diagnosis it would be recorded as.</summary>
public sealed record DifferentialRow(DifferentialEntry Entry, ClinicalCondition Condition, HfsEtiology? Etiology);

/// <summary>
/// The differential of one examination as the examination page shows it. The ranking, the findings for and
/// against, the blepharospasm criteria and the imaging advice are <see cref="DifferentialDiagnosis.Evaluate"/>'s;
/// this only adds the words for the outcomes and the condition a diagnosis would be recorded under.
/// </summary>
public sealed record DifferentialView(DifferentialResult Result, IReadOnlyList<DifferentialRow> Rows)
{
    public static DifferentialView Of(FacialExamination exam)
    {
        var result = DifferentialDiagnosis.Evaluate(exam);
        var rows = result.Entries
            .Select(e =>
            {
                var (condition, etiology) = DiagnosisCatalogue.FromDifferential(e.Condition);
                return new DifferentialRow(e, condition, etiology);
            })
            .ToList();
        return new DifferentialView(result, rows);
    }

    public DifferentialEntry Top => Result.Top;

    /// <summary>True when nothing recorded counts for any condition: the ranking is then only the list order.</summary>
    public bool NothingPointsAnywhere => Result.Entries.All(e => e.For.Count == 0);

    public static string OutcomeText(CriteriaOutcome outcome) => outcome switch
    {
        CriteriaOutcome.Met => "Meets the blepharospasm criteria",
        CriteriaOutcome.NotMet => "Does not meet the blepharospasm criteria",
        _ => "Undecided: not enough is recorded",
    };

    public static string StepText(CriteriaOutcome outcome) => outcome switch
    {
        CriteriaOutcome.Met => "Met",
        CriteriaOutcome.NotMet => "Not met",
        _ => "Undecided",
    };
}
