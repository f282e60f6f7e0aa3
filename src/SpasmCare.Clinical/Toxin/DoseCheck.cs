using SpasmCare.Clinical.Examination;

namespace SpasmCare.Clinical.Toxin;

/// <summary>One planned injection point: a site code from <see cref="ToxinMuscleCatalogue"/>, the patient's side
/// (Left or Right), the dose in units of the session's product, and the technique.</summary>
public sealed record PlannedPoint(string MuscleCode, AffectedSide Side, decimal Units, InjectionTechnique Technique);

/// <summary>
/// An earlier session of the same patient: its date (clinic-local), total units of its product, the product's
/// <see cref="DoseCheck.OnaRatio"/>, and whether it was a booster. Sessions entered in error are left out by the caller.
/// </summary>
public sealed record PriorSession(DateOnly Date, decimal Units, decimal OnaRatio, bool IsBooster);

/// <summary>
/// Everything <see cref="DoseRules.Evaluate"/> needs about a session being planned or recorded.
/// </summary>
/// <param name="SessionDate">The session's clinic-local date.</param>
/// <param name="Indication">Why the toxin is given; trigeminal sites warn only for hemifacial spasm.</param>
/// <param name="OnaRatio">Product units per onabotulinumtoxinA unit: 1 for onabotulinumtoxinA and
/// incobotulinumtoxinA, 2.5 for abobotulinumtoxinA — the LOW bound of the reference ratio (DOMAIN §3.8), so that the
/// onabotulinumtoxinA-equivalent used for the limits is the higher, more cautious estimate.</param>
/// <param name="IsBooster">True for a top-up after a full session (DOMAIN §3.5).</param>
/// <param name="Points">The session's points.</param>
/// <param name="Prior">The patient's earlier sessions, in any order, not including this one. Sessions dated after
/// <paramref name="SessionDate"/> are ignored.</param>
public sealed record DoseCheck(
    DateOnly SessionDate,
    InjectionIndication Indication,
    decimal OnaRatio,
    bool IsBooster,
    IReadOnlyList<PlannedPoint> Points,
    IReadOnlyList<PriorSession> Prior);
