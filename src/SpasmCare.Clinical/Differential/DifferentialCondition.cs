namespace SpasmCare.Clinical.Differential;

/// <summary>The conditions the differential-diagnosis aid weighs (issue 5; DOMAIN §1.2, §1.3). Order breaks ties.</summary>
public enum DifferentialCondition
{
    PrimaryHemifacialSpasm = 1,
    SecondaryHemifacialSpasm = 2,
    Blepharospasm = 3,
    PostParalyticSynkinesis = 4,
    FacialMyokymia = 5,
    MotorTics = 6,
    HemimasticatorySpasm = 7,
    FunctionalFacialSpasm = 8,
    FocalMotorSeizures = 9,
}
