using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Tests.Clinical.Surgery;

public sealed class PreoperativeChecklistTests
{
    private static readonly ChecklistFacts CompleteFacts = new(
        ImagingShowsContact: true,
        AudiogramOn: new DateOnly(2026, 10, 1),
        AudiogramResult: "Normal hearing both sides",
        BaepBaselineOn: null,
        AnaesthesiaFitOn: new DateOnly(2026, 10, 20),
        ConsentOn: new DateOnly(2026, 11, 2),
        ConsentTakenBy: "Dr Rao",
        RisksDiscussed: new HashSet<SurgicalRisk>(PreoperativeChecklist.AllRisks),
        MedicationsReviewed: true);

    [Fact]
    public void Evaluate_EverythingRecorded_IsCompleteWithNothingMissing()
    {
        var result = PreoperativeChecklist.Evaluate(CompleteFacts);

        Assert.True(result.Complete);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Evaluate_NoBaep_IsStillComplete()
    {
        var result = PreoperativeChecklist.Evaluate(CompleteFacts with { BaepBaselineOn = null });

        Assert.True(result.Complete);
    }

    [Fact]
    public void Evaluate_NothingRecorded_ListsEveryItemInChecklistOrder()
    {
        var facts = new ChecklistFacts(false, null, null, null, null, null, null, new HashSet<SurgicalRisk>(), false);

        var result = PreoperativeChecklist.Evaluate(facts);

        Assert.False(result.Complete);
        Assert.Equal(
        [
            "Imaging showing the neurovascular contact is not confirmed.",
            "Baseline audiogram: the date is missing.",
            "Baseline audiogram: the result is missing.",
            "Anaesthesia fitness: the date the patient was found fit is missing.",
            "Consent: the date is missing.",
            "Consent: who took it is missing.",
            "Consent: risks not ticked as discussed: hearing loss, facial palsy, CSF leak, stroke, death, recurrence, delayed cure.",
            "Medications to stop have not been reviewed.",
        ], result.Missing);
    }

    [Fact]
    public void Evaluate_OneRiskNotTicked_NamesOnlyThatRisk()
    {
        var risks = new HashSet<SurgicalRisk>(PreoperativeChecklist.AllRisks);
        risks.Remove(SurgicalRisk.DelayedCure);

        var result = PreoperativeChecklist.Evaluate(CompleteFacts with { RisksDiscussed = risks });

        Assert.Equal(["Consent: risks not ticked as discussed: delayed cure."], result.Missing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Evaluate_BlankAudiogramResult_CountsAsMissing(string result)
    {
        var checklist = PreoperativeChecklist.Evaluate(CompleteFacts with { AudiogramResult = result });

        Assert.Equal(["Baseline audiogram: the result is missing."], checklist.Missing);
    }

    [Fact]
    public void Evaluate_BlankConsentTaker_CountsAsMissing()
    {
        var checklist = PreoperativeChecklist.Evaluate(CompleteFacts with { ConsentTakenBy = " " });

        Assert.Equal(["Consent: who took it is missing."], checklist.Missing);
    }

    [Fact]
    public void Evaluate_ContactNotConfirmed_IsIncomplete()
    {
        var checklist = PreoperativeChecklist.Evaluate(CompleteFacts with { ImagingShowsContact = false });

        Assert.Equal(["Imaging showing the neurovascular contact is not confirmed."], checklist.Missing);
    }

    [Fact]
    public void Evaluate_MedicationsNotReviewed_IsIncomplete()
    {
        var checklist = PreoperativeChecklist.Evaluate(CompleteFacts with { MedicationsReviewed = false });

        Assert.Equal(["Medications to stop have not been reviewed."], checklist.Missing);
    }

    [Fact]
    public void Judge_Complete_IsCompleteWhateverTheOverride()
    {
        var complete = PreoperativeChecklist.Evaluate(CompleteFacts);

        Assert.Equal(Readiness.Complete, PreoperativeChecklist.Judge(complete, null));
        Assert.Equal(Readiness.Complete, PreoperativeChecklist.Judge(complete, "Urgent: severe spasm"));
    }

    [Fact]
    public void Judge_IncompleteWithReason_IsOverridden()
    {
        var incomplete = PreoperativeChecklist.Evaluate(CompleteFacts with { AudiogramOn = null });

        Assert.Equal(Readiness.Overridden, PreoperativeChecklist.Judge(incomplete, "Audiogram done elsewhere, report to follow"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Judge_IncompleteWithoutReason_IsNotReady(string? reason)
    {
        var incomplete = PreoperativeChecklist.Evaluate(CompleteFacts with { AudiogramOn = null });

        Assert.Equal(Readiness.NotReady, PreoperativeChecklist.Judge(incomplete, reason));
    }
}
