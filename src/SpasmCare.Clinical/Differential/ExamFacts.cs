using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Differential;

/// <summary>Facts derived once from an examination for the rules. Every fact is false when its inputs are unknown.</summary>
internal sealed class ExamFacts
{
    // [D] DOMAIN §1.3 says tics "often start in youth" [U]; 20 years is the threshold this aid uses for "youth".
    internal const int YouthOnsetBeforeYears = 20;

    // DOMAIN §1.2: onset under 40 is unusual for primary HFS.
    internal const int RedFlagOnsetBeforeYears = 40;

    public ExamFacts(FacialExamination exam)
    {
        Exam = exam;
        var regions = exam.InvolvedRegions.Where(FacialRegionCatalogue.IsDefined).Select(FacialRegionCatalogue.Get).ToList();
        RegionsRecorded = regions.Count > 0;
        EyelidInvolved = regions.Any(r => r.IsEyelid);
        UpperFaceInvolved = regions.Any(r => r.Zone == FaceZone.Upper);
        LowerFaceInvolved = regions.Any(r => r.Zone == FaceZone.Lower);
        JawInvolved = regions.Any(r => r.IsTrigeminal);
        FacialNerveInvolved = regions.Any(r => r.Nerve == CranialNerve.Facial);
        JawOnly = RegionsRecorded && regions.All(r => r.IsTrigeminal);
        LowerFaceOnly = RegionsRecorded && regions.All(r => r.Zone == FaceZone.Lower);

        var onset = exam.OnsetRegion is { } o && FacialRegionCatalogue.IsDefined(o) ? FacialRegionCatalogue.Get(o) : null;
        OnsetInEyelid = onset?.IsEyelid == true;
        OnsetInLowerFace = onset?.Zone == FaceZone.Lower || (onset is null && LowerFaceOnly);
        Blepharospasm = BlepharospasmCriteria.Evaluate(exam);
    }

    public FacialExamination Exam { get; }
    public BlepharospasmCriteriaResult Blepharospasm { get; }

    public bool Unilateral => Exam.Side is AffectedSide.Left or AffectedSide.Right;
    public bool Bilateral => Exam.Side == AffectedSide.Both;
    public bool RegionsRecorded { get; }
    public bool EyelidInvolved { get; }
    public bool UpperFaceInvolved { get; }
    public bool LowerFaceInvolved { get; }
    public bool JawInvolved { get; }
    public bool FacialNerveInvolved { get; }
    public bool JawOnly { get; }
    public bool LowerFaceOnly { get; }
    public bool OnsetInEyelid { get; }

    /// <summary>The onset region is in the lower face, or (onset not recorded) only lower-face regions are involved.</summary>
    public bool OnsetInLowerFace { get; }

    public bool TonicPresent => Exam.Contraction is ContractionType.Tonic or ContractionType.Both;
    public bool ClonicPresent => Exam.Contraction is ContractionType.Clonic or ContractionType.Both;
    public bool OnsetBefore40 => Exam.AgeAtOnsetYears < RedFlagOnsetBeforeYears;
    public bool OnsetAtOrAfter40 => Exam.AgeAtOnsetYears >= RedFlagOnsetBeforeYears;
    public bool OnsetInYouth => Exam.AgeAtOnsetYears < YouthOnsetBeforeYears;

    /// <summary>DOMAIN §1.2 red flag: isolated lower-face onset with tonic pulling.</summary>
    public bool LowerFaceOnsetWithTonicPulling => OnsetInLowerFace && TonicPresent;

    /// <summary>Any of the §1.2 red flags that point to a secondary cause rather than a mimic.</summary>
    public bool SecondaryCauseRedFlag =>
        OnsetBefore40 || Exam.FacialWeakness == true || Exam.FacialSensoryDeficit == true
        || Exam.HearingLoss == true || Exam.OtherCranialNerveSigns == true;

    /// <summary>Every secondary-cause red flag was looked for and none found (sensory deficit may be unrecorded).</summary>
    public bool NoSecondaryCauseRedFlag =>
        OnsetAtOrAfter40 && Exam.FacialWeakness == false && Exam.HearingLoss == false
        && Exam.OtherCranialNerveSigns == false && Exam.FacialSensoryDeficit != true;
}
