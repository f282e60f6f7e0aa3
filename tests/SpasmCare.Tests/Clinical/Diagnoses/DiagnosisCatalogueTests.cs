using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Differential;
using SpasmCare.Clinical.Examination;

namespace SpasmCare.Tests.Clinical.Diagnoses;

public sealed class DiagnosisCatalogueTests
{
    [Theory]
    [InlineData(AffectedSide.Right, "G51.31")]
    [InlineData(AffectedSide.Left, "G51.32")]
    [InlineData(AffectedSide.Both, "G51.33")]
    [InlineData(AffectedSide.Unknown, "G51.39")]
    public void HemifacialSpasmIcd10Cm_BySide_LateralityCode(AffectedSide side, string code)
    {
        Assert.Equal(code, DiagnosisCatalogue.HemifacialSpasmIcd10Cm(side));
        Assert.Equal(code, DiagnosisCatalogue.Icd10CmFor(ClinicalCondition.HemifacialSpasm, side));
    }

    [Fact]
    public void HemifacialSpasm_Icd10G513AndSnomed13753008()
    {
        var hfs = DiagnosisCatalogue.For(ClinicalCondition.HemifacialSpasm);

        Assert.Equal("G51.3", hfs.Icd10);
        Assert.Null(hfs.Icd10Cm);
        Assert.Equal("13753008", hfs.SnomedCt);
        Assert.Equal("Hemifacial spasm", hfs.SnomedCtTerm);
    }

    [Fact]
    public void Blepharospasm_G245AndSnomed59026006()
    {
        var bsp = DiagnosisCatalogue.For(ClinicalCondition.Blepharospasm);

        Assert.Equal("G24.5", bsp.Icd10);
        Assert.Equal("G24.5", DiagnosisCatalogue.Icd10CmFor(ClinicalCondition.Blepharospasm, AffectedSide.Left));
        Assert.Equal("59026006", bsp.SnomedCt);
    }

    [Theory]
    [InlineData(ClinicalCondition.FacialMyokymia, "G51.4")]
    [InlineData(ClinicalCondition.OrofacialDystonia, "G24.4")]
    public void OtherCodedConditions_CodesFromDomain(ClinicalCondition condition, string icd10)
    {
        var codes = DiagnosisCatalogue.For(condition);

        Assert.Equal(icd10, codes.Icd10);
        Assert.Null(codes.SnomedCt);
    }

    [Theory]
    [InlineData(ClinicalCondition.PostParalyticSynkinesis)]
    [InlineData(ClinicalCondition.MotorTics)]
    [InlineData(ClinicalCondition.HemimasticatorySpasm)]
    [InlineData(ClinicalCondition.FunctionalFacialSpasm)]
    [InlineData(ClinicalCondition.FocalMotorSeizures)]
    public void ConditionsWithoutDomainCodes_LeftNull(ClinicalCondition condition)
    {
        var codes = DiagnosisCatalogue.For(condition);

        Assert.Null(codes.Icd10);
        Assert.Null(codes.Icd10Cm);
        Assert.Null(codes.SnomedCt);
        Assert.Null(DiagnosisCatalogue.Icd10CmFor(condition, AffectedSide.Left));
    }

    [Fact]
    public void All_CoversEveryConditionOnce()
    {
        Assert.Equal(Enum.GetValues<ClinicalCondition>(), DiagnosisCatalogue.All.Select(c => c.Condition));
    }

    [Fact]
    public void For_UndefinedCondition_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiagnosisCatalogue.For((ClinicalCondition)99));
    }

    [Theory]
    [InlineData(DifferentialCondition.PrimaryHemifacialSpasm, ClinicalCondition.HemifacialSpasm, HfsEtiology.Primary)]
    [InlineData(DifferentialCondition.SecondaryHemifacialSpasm, ClinicalCondition.HemifacialSpasm, HfsEtiology.Secondary)]
    [InlineData(DifferentialCondition.Blepharospasm, ClinicalCondition.Blepharospasm, null)]
    [InlineData(DifferentialCondition.HemimasticatorySpasm, ClinicalCondition.HemimasticatorySpasm, null)]
    public void FromDifferential_MapsSuggestionToCondition(DifferentialCondition suggestion, ClinicalCondition condition, HfsEtiology? etiology)
    {
        Assert.Equal((condition, etiology), DiagnosisCatalogue.FromDifferential(suggestion));
    }

    [Fact]
    public void FromDifferential_EveryDifferentialCondition_Maps()
    {
        Assert.All(Enum.GetValues<DifferentialCondition>(), c => Assert.True(Enum.IsDefined(DiagnosisCatalogue.FromDifferential(c).Condition)));
    }
}
