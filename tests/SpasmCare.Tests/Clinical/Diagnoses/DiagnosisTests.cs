using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Diagnoses;

public sealed class DiagnosisTests
{
    private static readonly DateOnly Today = new(2026, 3, 14);

    private static readonly Diagnosis LeftHfs = new()
    {
        Condition = ClinicalCondition.HemifacialSpasm,
        Side = AffectedSide.Left,
        Etiology = HfsEtiology.Primary,
    };

    [Fact]
    public void New_DefaultsToProvisional()
    {
        Assert.Equal(DiagnosisCertainty.Provisional, LeftHfs.Certainty);
    }

    [Fact]
    public void Codes_LeftHfs_G5132WithSnomed()
    {
        Assert.Equal("G51.3", LeftHfs.Icd10);
        Assert.Equal("G51.32", LeftHfs.Icd10Cm);
        Assert.Equal("13753008", LeftHfs.SnomedCt);
    }

    [Fact]
    public void Validate_PrimaryHfs_Valid()
    {
        Assert.Empty(LeftHfs.Validate(Today));
    }

    [Fact]
    public void Validate_EtiologyOnBlepharospasm_Error()
    {
        var diagnosis = LeftHfs with { Condition = ClinicalCondition.Blepharospasm };

        Assert.Equal(nameof(Diagnosis.Etiology), Assert.Single(diagnosis.Validate(Today)).Field);
    }

    [Fact]
    public void Validate_CauseOnPrimary_Error()
    {
        var diagnosis = LeftHfs with { Cause = SecondaryCause.PostBellsPalsy };

        Assert.Equal(nameof(Diagnosis.Cause), Assert.Single(diagnosis.Validate(Today)).Field);
    }

    [Fact]
    public void Validate_ProvisionalSecondaryWithoutCause_Valid()
    {
        Assert.Empty((LeftHfs with { Etiology = HfsEtiology.Secondary }).Validate(Today));
    }

    [Fact]
    public void Validate_ConfirmedSecondaryWithoutCause_Error()
    {
        var diagnosis = LeftHfs with { Etiology = HfsEtiology.Secondary, Certainty = DiagnosisCertainty.Confirmed };

        var error = Assert.Single(diagnosis.Validate(Today));

        Assert.Equal(nameof(Diagnosis.Cause), error.Field);
        Assert.Equal("A confirmed secondary hemifacial spasm needs its cause.", error.Message);
    }

    [Fact]
    public void Validate_OtherCauseWithoutDetail_Error()
    {
        var diagnosis = LeftHfs with { Etiology = HfsEtiology.Secondary, Cause = SecondaryCause.Other };

        Assert.Equal(nameof(Diagnosis.CauseDetail), Assert.Single(diagnosis.Validate(Today)).Field);
    }

    [Fact]
    public void Validate_OnsetInFuture_Error()
    {
        var diagnosis = LeftHfs with { OnsetDate = Today.AddDays(1) };

        Assert.Equal(nameof(Diagnosis.OnsetDate), Assert.Single(diagnosis.Validate(Today)).Field);
    }

    [Fact]
    public void Validate_OnsetToday_Valid()
    {
        Assert.Empty((LeftHfs with { OnsetDate = Today }).Validate(Today));
    }

    [Fact]
    public void Validate_UndefinedCondition_ErrorWithoutThrowing()
    {
        var diagnosis = new Diagnosis { Condition = (ClinicalCondition)99 };

        Assert.Equal(nameof(Diagnosis.Condition), Assert.Single(diagnosis.Validate(Today)).Field);
        Assert.Null(diagnosis.Icd10);
    }

    [Fact]
    public void Describe_ConfirmedSecondaryLeftHfs_OneLineWithCode()
    {
        var diagnosis = LeftHfs with
        {
            Etiology = HfsEtiology.Secondary,
            Cause = SecondaryCause.PostBellsPalsy,
            Certainty = DiagnosisCertainty.Confirmed,
        };

        Assert.Equal("Hemifacial spasm, left, secondary (post-Bell's palsy), confirmed — G51.32", diagnosis.Describe());
    }

    [Fact]
    public void Describe_UncodedCondition_NoCode()
    {
        var diagnosis = new Diagnosis { Condition = ClinicalCondition.HemimasticatorySpasm, Side = AffectedSide.Right };

        Assert.Equal("Hemimasticatory spasm, right, provisional", diagnosis.Describe());
    }
}
