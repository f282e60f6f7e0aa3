namespace SpasmCare.Clinical.Surgery;

/// <summary>A risk of microvascular decompression that must be discussed when consent is taken (DOMAIN §4.1, §4.4, §4.6).</summary>
public enum SurgicalRisk
{
    HearingLoss = 0,
    FacialPalsy = 1,
    CsfLeak = 2,
    Stroke = 3,
    Death = 4,
    Recurrence = 5,
    DelayedCure = 6,
}

/// <summary>What the pre-operative checklist of an MVD case holds, as recorded (nothing is inferred).</summary>
/// <param name="ImagingShowsContact">Someone confirmed that the chosen imaging shows the neurovascular contact.</param>
/// <param name="AudiogramOn">Date of the baseline audiogram.</param>
/// <param name="AudiogramResult">What the audiogram showed, in words.</param>
/// <param name="BaepBaselineOn">Date of the baseline BAEP, when one was done (optional: not every centre does one).</param>
/// <param name="AnaesthesiaFitOn">Date the anaesthetist found the patient fit.</param>
/// <param name="ConsentOn">Date consent was taken.</param>
/// <param name="ConsentTakenBy">Who took the consent.</param>
/// <param name="RisksDiscussed">The risks ticked as discussed when consent was taken.</param>
/// <param name="MedicationsReviewed">Someone reviewed the medicines (antiplatelets, anticoagulants…) and said which to stop.</param>
public sealed record ChecklistFacts(
    bool ImagingShowsContact,
    DateOnly? AudiogramOn,
    string? AudiogramResult,
    DateOnly? BaepBaselineOn,
    DateOnly? AnaesthesiaFitOn,
    DateOnly? ConsentOn,
    string? ConsentTakenBy,
    IReadOnlySet<SurgicalRisk> RisksDiscussed,
    bool MedicationsReviewed);

/// <summary>The checklist judged: complete or not, and what is missing, in words a person can act on, in checklist order.</summary>
public sealed record ChecklistResult(IReadOnlyList<string> Missing)
{
    public bool Complete => Missing.Count == 0;
}

/// <summary>Whether a case may go to theatre, and why.</summary>
public enum Readiness
{
    /// <summary>The checklist has gaps and no surgeon has overridden them.</summary>
    NotReady = 0,

    /// <summary>Every checklist item is recorded.</summary>
    Complete = 1,

    /// <summary>Items are missing, but a surgeon recorded a reason to proceed anyway.</summary>
    Overridden = 2,
}

/// <summary>
/// The pre-operative checklist of an MVD case (issue 7, DOMAIN §1.5, §4.1). The rule of completeness:
/// <list type="number">
/// <item>imaging confirmed to show the neurovascular contact (a contact is the reason to operate, DOMAIN §1.5);</item>
/// <item>a baseline audiogram: its date and its result (hearing loss is the commonest permanent complication,
/// 2.3 %, DOMAIN §4.1). A baseline BAEP is recorded when done but is not required;</item>
/// <item>anaesthesia fitness: the date the patient was found fit;</item>
/// <item>consent: its date, who took it, and every risk of <see cref="SurgicalRisk"/> ticked as discussed;</item>
/// <item>medications reviewed (the list of medicines to stop may be empty: "none" is a valid review).</item>
/// </list>
/// Dates are not judged for age here: how recent an audiogram or a fitness review must be is a local policy the
/// clinic has not set; the form refuses dates in the future.
/// </summary>
public static class PreoperativeChecklist
{
    public static IReadOnlyList<SurgicalRisk> AllRisks { get; } = Enum.GetValues<SurgicalRisk>();

    public static ChecklistResult Evaluate(ChecklistFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<string>();
        if (!facts.ImagingShowsContact)
        {
            missing.Add("Imaging showing the neurovascular contact is not confirmed.");
        }

        if (facts.AudiogramOn is null)
        {
            missing.Add("Baseline audiogram: the date is missing.");
        }

        if (string.IsNullOrWhiteSpace(facts.AudiogramResult))
        {
            missing.Add("Baseline audiogram: the result is missing.");
        }

        if (facts.AnaesthesiaFitOn is null)
        {
            missing.Add("Anaesthesia fitness: the date the patient was found fit is missing.");
        }

        if (facts.ConsentOn is null)
        {
            missing.Add("Consent: the date is missing.");
        }

        if (string.IsNullOrWhiteSpace(facts.ConsentTakenBy))
        {
            missing.Add("Consent: who took it is missing.");
        }

        var notDiscussed = AllRisks.Where(r => !facts.RisksDiscussed.Contains(r)).ToList();
        if (notDiscussed.Count > 0)
        {
            missing.Add("Consent: risks not ticked as discussed: " + string.Join(", ", notDiscussed.Select(Label)) + ".");
        }

        if (!facts.MedicationsReviewed)
        {
            missing.Add("Medications to stop have not been reviewed.");
        }

        return new ChecklistResult(missing);
    }

    /// <summary>
    /// A case is ready when its checklist is complete, or when a surgeon overrode the gaps with a reason (an override
    /// with a blank reason does not count). A complete checklist reads as complete even if an override was recorded.
    /// </summary>
    public static Readiness Judge(ChecklistResult checklist, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        if (checklist.Complete)
        {
            return Readiness.Complete;
        }

        return string.IsNullOrWhiteSpace(overrideReason) ? Readiness.NotReady : Readiness.Overridden;
    }

    public static string Label(SurgicalRisk risk) => risk switch
    {
        SurgicalRisk.HearingLoss => "hearing loss",
        SurgicalRisk.FacialPalsy => "facial palsy",
        SurgicalRisk.CsfLeak => "CSF leak",
        SurgicalRisk.Stroke => "stroke",
        SurgicalRisk.Death => "death",
        SurgicalRisk.Recurrence => "recurrence",
        SurgicalRisk.DelayedCure => "delayed cure",
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, null),
    };
}
