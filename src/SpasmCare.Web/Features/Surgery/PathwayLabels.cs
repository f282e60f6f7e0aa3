using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Surgery;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>The words shown for the MVD pathway's values: forms, the case page, the prints and the surgery list.</summary>
public static class PathwayLabels
{
    public static IReadOnlyList<AffectedSide> SideChoices { get; } = [AffectedSide.Left, AffectedSide.Right, AffectedSide.Both];

    public static IReadOnlyList<MvdConsentRisks> RiskChoices { get; } =
    [
        MvdConsentRisks.HearingLoss, MvdConsentRisks.FacialPalsy, MvdConsentRisks.CsfLeak, MvdConsentRisks.Stroke,
        MvdConsentRisks.Death, MvdConsentRisks.Recurrence, MvdConsentRisks.DelayedCure,
    ];

    public static IReadOnlyList<RedoCause> RedoCauseChoices { get; } =
        [RedoCause.ImplantAdhesion, RedoCause.MissedVessel, RedoCause.Granuloma, RedoCause.Other];

    public static IReadOnlyList<SurgicalApproach> ApproachChoices { get; } = Enum.GetValues<SurgicalApproach>();

    public static IReadOnlyList<DecompressionTechnique> TechniqueChoices { get; } =
        [DecompressionTechnique.Interposition, DecompressionTechnique.Transposition];

    public static IReadOnlyList<LsrFinalStatus> LsrFinalChoices { get; } = Enum.GetValues<LsrFinalStatus>();

    public static IReadOnlyList<MvdComplicationKind> ComplicationChoices { get; } = Enum.GetValues<MvdComplicationKind>();

    public static IReadOnlyList<ComplicationCourse> CourseChoices { get; } = Enum.GetValues<ComplicationCourse>();

    public static string Of(MvdCaseStatus status) => status switch
    {
        MvdCaseStatus.Referred => "Referred",
        MvdCaseStatus.ReadyForSurgery => "Ready for surgery",
        MvdCaseStatus.Booked => "Booked",
        MvdCaseStatus.Operated => "Operated",
        MvdCaseStatus.Discharged => "Discharged",
        MvdCaseStatus.Closed => "Closed",
        MvdCaseStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Of(MvdConsentRisks risk) => risk switch
    {
        MvdConsentRisks.HearingLoss => "Hearing loss",
        MvdConsentRisks.FacialPalsy => "Facial palsy",
        MvdConsentRisks.CsfLeak => "CSF leak",
        MvdConsentRisks.Stroke => "Stroke",
        MvdConsentRisks.Death => "Death",
        MvdConsentRisks.Recurrence => "Recurrence",
        MvdConsentRisks.DelayedCure => "Delayed cure",
        MvdConsentRisks.None => "None",
        _ => string.Join(", ", RiskChoices.Where(r => risk.HasFlag(r)).Select(Of)),
    };

    public static string Of(RedoCause cause) => cause switch
    {
        RedoCause.ImplantAdhesion => "Implant adhesion",
        RedoCause.MissedVessel => "Missed vessel",
        RedoCause.Granuloma => "Granuloma",
        RedoCause.Other => "Other",
        RedoCause.Unknown => "Not known yet",
        _ => cause.ToString(),
    };

    public static string Of(SurgicalApproach approach) => approach switch
    {
        SurgicalApproach.Retrosigmoid => "Retrosigmoid",
        SurgicalApproach.Infrafloccular => "Infrafloccular",
        SurgicalApproach.Other => "Other",
        _ => approach.ToString(),
    };

    public static string Of(DecompressionTechnique technique) => technique switch
    {
        DecompressionTechnique.Interposition => "Interposition",
        DecompressionTechnique.Transposition => "Transposition",
        DecompressionTechnique.Interposition | DecompressionTechnique.Transposition => "Interposition and transposition",
        DecompressionTechnique.None => "Not stated",
        _ => technique.ToString(),
    };

    public static string Of(LsrFinalStatus status) => status switch
    {
        LsrFinalStatus.NotMonitored => "Not monitored",
        LsrFinalStatus.Disappeared => "Disappeared",
        LsrFinalStatus.Persisted => "Persisted",
        LsrFinalStatus.Reduced => "Reduced",
        _ => status.ToString(),
    };

    public static string Of(MvdComplicationKind kind) => kind switch
    {
        MvdComplicationKind.FacialPalsy => "Facial palsy",
        MvdComplicationKind.DelayedFacialPalsy => "Delayed facial palsy",
        MvdComplicationKind.HearingLoss => "Hearing loss",
        MvdComplicationKind.CsfLeak => "CSF leak",
        MvdComplicationKind.WoundInfection => "Wound infection",
        MvdComplicationKind.LowerCranialNervePalsy => "Lower cranial nerve palsy",
        MvdComplicationKind.CerebellarInjury => "Cerebellar injury",
        MvdComplicationKind.Stroke => "Stroke",
        MvdComplicationKind.Death => "Death",
        MvdComplicationKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(ComplicationCourse course) => course switch
    {
        ComplicationCourse.Ongoing => "Ongoing",
        ComplicationCourse.Transient => "Transient",
        ComplicationCourse.Permanent => "Permanent",
        _ => course.ToString(),
    };

    public static string Of(AffectedSide side) => side switch
    {
        AffectedSide.Left => "Left",
        AffectedSide.Right => "Right",
        AffectedSide.Both => "Both sides",
        _ => "Not stated",
    };

    /// <summary>House–Brackmann grade as a Roman numeral (1 → "I").</summary>
    public static string HouseBrackmann(int? grade) => grade switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        5 => "V",
        6 => "VI",
        null => "—",
        _ => grade.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Date(DateOnly? date) =>
        date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string Number(decimal? value, string unit = "") =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + unit : "—";

    public static string YesNo(bool? value) => value switch
    {
        true => "Yes",
        false => "No",
        null => "—",
    };

    public static string Minutes(int minutes) =>
        minutes < 60 ? minutes.ToString(CultureInfo.InvariantCulture) + " min"
        : (minutes / 60).ToString(CultureInfo.InvariantCulture) + " h " + (minutes % 60).ToString("00", CultureInfo.InvariantCulture) + " min";

    public static string Stay(StayLength stay) =>
        (stay.Nights == 1 ? "1 night" : stay.Nights.ToString(CultureInfo.InvariantCulture) + " nights")
        + " (" + (stay.Days == 1 ? "1 day" : stay.Days.ToString(CultureInfo.InvariantCulture) + " days") + ")";

    public static SurgicalRisk ToClinical(MvdConsentRisks risk) => risk switch
    {
        MvdConsentRisks.HearingLoss => SurgicalRisk.HearingLoss,
        MvdConsentRisks.FacialPalsy => SurgicalRisk.FacialPalsy,
        MvdConsentRisks.CsfLeak => SurgicalRisk.CsfLeak,
        MvdConsentRisks.Stroke => SurgicalRisk.Stroke,
        MvdConsentRisks.Death => SurgicalRisk.Death,
        MvdConsentRisks.Recurrence => SurgicalRisk.Recurrence,
        MvdConsentRisks.DelayedCure => SurgicalRisk.DelayedCure,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, "One risk at a time."),
    };
}
