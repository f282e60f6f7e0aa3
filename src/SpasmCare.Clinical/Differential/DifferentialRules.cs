using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Differential;

/// <summary>
/// One rule of the differential: when its finding is recorded in the examination, it adds <see cref="Weight"/> to
/// the score of <see cref="Condition"/> (positive: a finding for; negative: a finding against). The weights are a
/// design choice [D] ranking how strongly DOMAIN describes each finding (a 100%-specific sign weighs more than a
/// common one); they are not probabilities.
/// </summary>
public sealed record DifferentialRule(DifferentialCondition Condition, string Code, int Weight, string Finding, string Section)
{
    internal Func<ExamFacts, bool> Applies { get; init; } = _ => false;
}

/// <summary>The rule table of the differential-diagnosis aid. Every finding names its DOMAIN section.</summary>
public static class DifferentialRules
{
    private const DifferentialCondition Primary = DifferentialCondition.PrimaryHemifacialSpasm;
    private const DifferentialCondition Secondary = DifferentialCondition.SecondaryHemifacialSpasm;
    private const DifferentialCondition Bsp = DifferentialCondition.Blepharospasm;
    private const DifferentialCondition Synkinesis = DifferentialCondition.PostParalyticSynkinesis;
    private const DifferentialCondition Myokymia = DifferentialCondition.FacialMyokymia;
    private const DifferentialCondition Tics = DifferentialCondition.MotorTics;
    private const DifferentialCondition Masticatory = DifferentialCondition.HemimasticatorySpasm;
    private const DifferentialCondition Functional = DifferentialCondition.FunctionalFacialSpasm;
    private const DifferentialCondition Seizures = DifferentialCondition.FocalMotorSeizures;

    public static IReadOnlyList<DifferentialRule> All { get; } =
    [
        // Primary HFS: DOMAIN §1.1 (picture) and §1.3 (what the mimics look like).
        Rule(Primary, "hfs.unilateral", 2, "§1.1", "Spasm on one side only: HFS is by definition unilateral.", f => f.Unilateral),
        Rule(Primary, "hfs.typical-spread", 2, "§1.1", "Typical spread: began around the eye and spread downward.", f => f.Exam.Spread == SpreadPattern.Typical),
        Rule(Primary, "hfs.atypical-spread", 1, "§1.1", "Atypical spread: began in the lower face and spread upward, the pattern of about 2–3% of HFS.", f => f.Exam.Spread == SpreadPattern.Atypical),
        Rule(Primary, "hfs.eyelid-onset", 1, "§1.1", "Began in the eyelid (orbicularis oculi), the usual first site.", f => f.OnsetInEyelid),
        Rule(Primary, "hfs.upper-and-lower-face", 1, "§1.1", "Eyelid and lower face involved on one side: HFS spreads to other ipsilateral facial muscles in 93% of patients.", f => f.Unilateral && f.EyelidInvolved && f.LowerFaceInvolved),
        Rule(Primary, "hfs.other-babinski", 3, "§1.1", "Other Babinski sign present: seen in 86% of HFS and in no patient with blepharospasm (specificity 100%).", f => f.Exam.OtherBabinskiSign == true),
        Rule(Primary, "hfs.synchronous", 2, "§1.1", "Upper and lower face contract synchronously, considered specific for HFS.", f => f.Exam.UpperLowerFaceSynchronous == true),
        Rule(Primary, "hfs.persists-in-sleep", 1, "§1.1", "Spasms persist in sleep, as HFS often does.", f => f.Exam.PersistsInSleep == true),
        Rule(Primary, "hfs.clonic", 1, "§1.1", "Clonic contractions.", f => f.ClonicPresent),
        Rule(Primary, "hfs.ear-click", 1, "§1.1", "Ear click on the side of the spasm (stapedius), reported in 23–43% of HFS.", f => f.Exam.EarClick == true),
        Rule(Primary, "hfs.bilateral", -2, "§1.1", "Both sides affected: bilateral HFS is rare (about 1%).", f => f.Bilateral),
        Rule(Primary, "hfs.no-other-babinski", -1, "§1.1", "Other Babinski sign absent (present in 86% of HFS).", f => f.Exam.OtherBabinskiSign == false),
        Rule(Primary, "hfs.asynchronous", -1, "§1.1", "Upper and lower face do not contract synchronously.", f => f.Exam.UpperLowerFaceSynchronous == false),
        Rule(Primary, "hfs.stops-in-sleep", -1, "§1.1", "Spasms stop in sleep, whereas HFS often persists.", f => f.Exam.PersistsInSleep == false),
        Rule(Primary, "hfs.earlier-palsy", -2, "§1.2", "Earlier facial palsy: points to post-paralytic synkinesis or secondary HFS.", f => f.Exam.EarlierFacialPalsy == true),
        Rule(Primary, "hfs.voluntary-trigger", -2, "§1.3", "Triggered by voluntary facial movement, the pattern of post-paralytic synkinesis.", f => f.Exam.TriggeredByVoluntaryMovement == true),
        Rule(Primary, "hfs.red-flag", -2, "§1.2", "Red flag for a secondary cause (onset before 40, facial weakness or sensory loss, hearing loss, or other cranial nerve signs).", f => f.SecondaryCauseRedFlag),
        Rule(Primary, "hfs.sensory-trick", -1, "§1.3", "Sensory trick present, a feature of blepharospasm.", f => f.Exam.SensoryTrick == true),
        Rule(Primary, "hfs.suppressible", -1, "§1.3", "Can be suppressed voluntarily, as tics can.", f => f.Exam.VoluntarilySuppressible == true),
        Rule(Primary, "hfs.tonic-only", -1, "§1.3", "Tonic contractions only (found in 87% of functional spasm).", f => f.Exam.Contraction == ContractionType.Tonic),
        Rule(Primary, "hfs.mouth-angle-down", -2, "§1.3", "Downward deviation of the mouth angle, specific (1.00) for functional spasm.", f => f.Exam.MouthAngleDeviatedDownward == true),
        Rule(Primary, "hfs.jaw-only", -5, "§1.3, §3.2", "Only the jaw is involved: masseter and temporalis are trigeminal (CN V), not facial-nerve, muscles.", f => f.JawOnly),
        Rule(Primary, "hfs.vermicular", -2, "§1.3", "Worm-like undulation under the skin, the sign of facial myokymia.", f => f.Exam.VermicularUndulation == true),
        Rule(Primary, "hfs.premonitory-urge", -2, "§1.3", "Premonitory urge, a feature of tics.", f => f.Exam.PremonitoryUrge == true),
        Rule(Primary, "hfs.beyond-face", -3, "§1.3", "Spreads beyond the face (e.g. to the hand), pointing to a cortical origin.", f => f.Exam.SpreadsBeyondFace == true),

        // Secondary HFS: DOMAIN §1.2 (causes and red flags).
        Rule(Secondary, "shfs.hfs-pattern", 2, "§1.1, §1.2", "One-sided spasm of facial-nerve muscles, the picture of HFS (19–23% of which is secondary in referral series).", f => f.Unilateral && f.FacialNerveInvolved),
        Rule(Secondary, "shfs.onset-before-40", 2, "§1.2", "Onset before age 40: unusual for primary HFS and may herald illness such as multiple sclerosis.", f => f.OnsetBefore40),
        Rule(Secondary, "shfs.weakness", 2, "§1.1, §1.2", "Facial weakness: a red flag, although mild weakness can come with long-standing HFS.", f => f.Exam.FacialWeakness == true),
        Rule(Secondary, "shfs.sensory-deficit", 2, "§1.2", "Facial sensory deficit, e.g. an absent corneal reflex.", f => f.Exam.FacialSensoryDeficit == true),
        Rule(Secondary, "shfs.hearing-loss", 2, "§1.2", "Hearing loss.", f => f.Exam.HearingLoss == true),
        Rule(Secondary, "shfs.other-cranial-nerves", 3, "§1.2", "Signs of other cranial nerves.", f => f.Exam.OtherCranialNerveSigns == true),
        Rule(Secondary, "shfs.earlier-palsy", 1, "§1.2", "Earlier facial palsy: post-Bell's palsy was the commonest secondary cause (11% of 215 referred).", f => f.Exam.EarlierFacialPalsy == true),
        Rule(Secondary, "shfs.bilateral", 1, "§1.2", "Both sides affected, a red flag.", f => f.Bilateral),
        Rule(Secondary, "shfs.lower-face-tonic", 1, "§1.2", "Onset in the lower face with tonic pulling, a red flag.", f => f.LowerFaceOnsetWithTonicPulling),
        Rule(Secondary, "shfs.no-other-babinski", 1, "§1.2", "Other Babinski sign absent, a red flag.", f => f.Exam.OtherBabinskiSign == false),
        Rule(Secondary, "shfs.no-red-flags", -2, "§1.2", "No red flag: onset at 40 or later, and no facial weakness, hearing loss or other cranial nerve signs.", f => f.NoSecondaryCauseRedFlag),
        Rule(Secondary, "shfs.vermicular", -2, "§1.3", "Worm-like undulation under the skin, the sign of facial myokymia rather than HFS.", f => f.Exam.VermicularUndulation == true),
        Rule(Secondary, "shfs.jaw-only", -5, "§1.3, §3.2", "Only the jaw is involved: trigeminal (CN V), not facial-nerve, muscles.", f => f.JawOnly),

        // Blepharospasm: DOMAIN §1.3 and the two-step criteria of §1.4.
        Rule(Bsp, "bsp.criteria-met", 4, "§1.4", "Meets the two-step blepharospasm criteria (sensitivity 88–93%, specificity 79–90%).", f => f.Blepharospasm.Outcome == CriteriaOutcome.Met),
        Rule(Bsp, "bsp.bilateral", 2, "§1.3, §1.4", "Both sides affected.", f => f.Bilateral),
        Rule(Bsp, "bsp.sides-synchronous", 2, "§1.3, §1.4", "The two sides contract synchronously.", f => f.Bilateral && f.Exam.BothSidesSynchronous == true),
        Rule(Bsp, "bsp.sensory-trick", 2, "§1.3, §1.4", "Sensory trick (geste) present.", f => f.Exam.SensoryTrick == true),
        Rule(Bsp, "bsp.increased-blinking", 1, "§1.3, §1.4", "Increased blinking.", f => f.Exam.IncreasedBlinking == true),
        Rule(Bsp, "bsp.not-suppressible", 1, "§1.4", "The spasms cannot be suppressed voluntarily.", f => f.Exam.VoluntarilySuppressible == false),
        Rule(Bsp, "bsp.unilateral", -4, "§1.4", "One side only: the criteria require bilateral, synchronous eyelid spasm.", f => f.Unilateral),
        Rule(Bsp, "bsp.sides-asynchronous", -3, "§1.4", "The two sides do not contract synchronously.", f => f.Bilateral && f.Exam.BothSidesSynchronous == false),
        Rule(Bsp, "bsp.no-eyelid", -3, "§1.4", "The eyelids (orbicularis oculi) are not involved.", f => f.RegionsRecorded && !f.EyelidInvolved),
        Rule(Bsp, "bsp.step2-not-met", -2, "§1.4", "No sensory trick, no increased blinking, and the spasms can be suppressed: step 2 of the criteria fails.", f => f.Blepharospasm.Step2 == CriteriaOutcome.NotMet),
        Rule(Bsp, "bsp.lower-face", -2, "§1.3", "Lower face involved: not part of blepharospasm unless Meige syndrome.", f => f.LowerFaceInvolved),
        Rule(Bsp, "bsp.other-babinski", -3, "§1.1", "Other Babinski sign present: seen in no patient with blepharospasm in the validating series.", f => f.Exam.OtherBabinskiSign == true),

        // Post-paralytic synkinesis: DOMAIN §1.2, §1.3.
        Rule(Synkinesis, "syn.earlier-palsy", 4, "§1.2, §1.3", "Earlier facial palsy.", f => f.Exam.EarlierFacialPalsy == true),
        Rule(Synkinesis, "syn.voluntary-trigger", 3, "§1.3", "Movements triggered by voluntary facial action (e.g. the eye closes when smiling).", f => f.Exam.TriggeredByVoluntaryMovement == true),
        Rule(Synkinesis, "syn.weakness", 1, "§1.3", "Residual facial weakness.", f => f.Exam.FacialWeakness == true),
        Rule(Synkinesis, "syn.no-palsy", -3, "§1.3", "No earlier facial palsy.", f => f.Exam.EarlierFacialPalsy == false),
        Rule(Synkinesis, "syn.not-triggered", -1, "§1.3", "Not triggered by voluntary facial movement.", f => f.Exam.TriggeredByVoluntaryMovement == false),
        Rule(Synkinesis, "syn.bilateral", -1, "§1.2", "Both sides affected, whereas synkinesis is confined to the palsied hemiface.", f => f.Bilateral),

        // Facial myokymia: DOMAIN §1.3.
        Rule(Myokymia, "myo.vermicular", 5, "§1.3", "Worm-like (vermicular) undulation under the skin.", f => f.Exam.VermicularUndulation == true),
        Rule(Myokymia, "myo.other-cranial-nerves", 1, "§1.3", "Other cranial nerve signs: myokymia may come from a brainstem process (MS, tumour).", f => f.Exam.OtherCranialNerveSigns == true),
        Rule(Myokymia, "myo.no-vermicular", -3, "§1.3", "No vermicular undulation.", f => f.Exam.VermicularUndulation == false),

        // Motor tics: DOMAIN §1.3, general knowledge marked [U] there.
        Rule(Tics, "tic.youth-onset", 2, "§1.3 [U]", "Onset before age 20: tics often start in youth.", f => f.OnsetInYouth),
        Rule(Tics, "tic.suppressible", 2, "§1.3 [U]", "Can be suppressed voluntarily for a while.", f => f.Exam.VoluntarilySuppressible == true),
        Rule(Tics, "tic.premonitory-urge", 3, "§1.3 [U]", "Premonitory urge.", f => f.Exam.PremonitoryUrge == true),
        Rule(Tics, "tic.stops-in-sleep", 1, "§1.1, §1.3 [U]", "Stops in sleep, as tics usually do.", f => f.Exam.PersistsInSleep == false),
        Rule(Tics, "tic.bilateral", 1, "§1.3 [U]", "Both sides involved: tics may be bilateral or multifocal.", f => f.Bilateral),
        Rule(Tics, "tic.persists-in-sleep", -2, "§1.1, §1.3 [U]", "Persists in sleep, whereas tics usually stop.", f => f.Exam.PersistsInSleep == true),
        Rule(Tics, "tic.not-suppressible", -2, "§1.3 [U]", "Cannot be suppressed voluntarily.", f => f.Exam.VoluntarilySuppressible == false),
        Rule(Tics, "tic.late-onset", -1, "§1.3 [U]", "Onset at 40 or later, whereas tics often start in youth.", f => f.OnsetAtOrAfter40),

        // Hemimasticatory spasm: DOMAIN §1.3, §3.2.
        Rule(Masticatory, "hms.jaw", 4, "§1.3, §3.2", "Jaw-closing muscles (masseter, temporalis) involved: trigeminal (CN V) territory.", f => f.JawInvolved),
        Rule(Masticatory, "hms.jaw-only", 2, "§1.3", "Only the jaw is involved, no facial-nerve muscle.", f => f.JawOnly),
        Rule(Masticatory, "hms.unilateral", 1, "§1.3", "Jaw spasm on one side: hemimasticatory spasm is unilateral.", f => f.Unilateral && f.JawInvolved),
        Rule(Masticatory, "hms.no-jaw", -4, "§1.3", "The jaw is not involved.", f => f.RegionsRecorded && !f.JawInvolved),

        // Functional facial spasm: DOMAIN §1.3 (Tan & Jankovic 2001; Baizabal-Carvallo & Jankovic 2017).
        Rule(Functional, "fun.mouth-angle-down", 4, "§1.3", "Downward deviation of the mouth angle (specificity 1.00).", f => f.Exam.MouthAngleDeviatedDownward == true),
        Rule(Functional, "fun.tonic", 2, "§1.3", "Tonic contractions (sensitivity 0.87).", f => f.TonicPresent),
        Rule(Functional, "fun.lower-face-only", 2, "§1.3", "Isolated lower-face involvement.", f => f.LowerFaceOnly),
        Rule(Functional, "fun.bilateral-asynchronous", 2, "§1.3", "Both sides involved, asynchronously.", f => f.Bilateral && f.Exam.BothSidesSynchronous == false),
        Rule(Functional, "fun.no-other-babinski", 1, "§1.3", "Other Babinski sign absent, as in every functional case of the series (sensitivity 1.00).", f => f.Exam.OtherBabinskiSign == false),
        Rule(Functional, "fun.young-onset", 1, "§1.3", "Onset before 40 (functional spasm began at 33 ± 13.5 years).", f => f.OnsetBefore40),
        Rule(Functional, "fun.other-babinski", -4, "§1.3", "Other Babinski sign present: absent in every functional case of the series.", f => f.Exam.OtherBabinskiSign == true),
        Rule(Functional, "fun.clonic-only", -1, "§1.3", "Clonic contractions only.", f => f.Exam.Contraction == ContractionType.Clonic),

        // Focal motor seizures: DOMAIN §1.3 ([U] for details).
        Rule(Seizures, "sz.beyond-face", 5, "§1.3", "Jerking spreads beyond the facial-nerve territory (e.g. to the hand).", f => f.Exam.SpreadsBeyondFace == true),
        Rule(Seizures, "sz.face-only", -2, "§1.3", "Confined to the face.", f => f.Exam.SpreadsBeyondFace == false),
    ];

    private static DifferentialRule Rule(
        DifferentialCondition condition, string code, int weight, string section, string finding, Func<ExamFacts, bool> applies) =>
        new(condition, code, weight, finding, "DOMAIN " + section) { Applies = applies };
}
