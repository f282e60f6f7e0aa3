namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// One injection SITE of the muscle picker (several sites may share a muscle, e.g. the orbicularis oculi lid sites).
/// </summary>
/// <param name="Code">Stable code stored with each injection point (lower-case, hyphenated); never change it.</param>
/// <param name="Name">Display name, e.g. "Orbicularis oculi, lower lid medial".</param>
/// <param name="Nerve">Supplying nerve; trigeminal sites are not HFS targets (DOMAIN §3.2).</param>
/// <param name="Region">Face region as grouped in DOMAIN §3.2 (Periocular, Brow, Mid-face, Perioral, Chin, Neck,
/// Masticatory).</param>
/// <param name="ReferenceDoseLow">Lower end of the reference dose per site, onabotulinumtoxinA units (DOMAIN §3.2).</param>
/// <param name="ReferenceDoseHigh">Upper end of the reference dose per site, onabotulinumtoxinA units.</param>
/// <param name="DefaultTechnique">Technique preselected when the site is picked.</param>
/// <param name="DiplopiaRisk">Toxin here can diffuse to the inferior oblique and cause diplopia (DOMAIN §3.2, §3.7).</param>
/// <param name="PtosisRisk">Toxin here can reach the levator palpebrae and cause ptosis (DOMAIN §3.7).</param>
/// <param name="Note">Caution or source note shown beside the site; "[U]" marks an unverified dose range.</param>
/// <param name="MapX">Default horizontal position of the point for the PATIENT'S RIGHT side, as a fraction (0–1) of
/// the width of a front-view face map on which the patient's right is on the viewer's left. The left side mirrors to
/// 1 − MapX (see <see cref="MapXFor"/>).</param>
/// <param name="MapY">Default vertical position as a fraction (0–1) of the map's height, top = 0. The map runs from
/// the top of the forehead to the base of the neck.</param>
public sealed record ToxinMuscle(
    string Code,
    string Name,
    Nerve Nerve,
    string Region,
    decimal ReferenceDoseLow,
    decimal ReferenceDoseHigh,
    InjectionTechnique DefaultTechnique,
    bool DiplopiaRisk,
    bool PtosisRisk,
    string? Note,
    double MapX,
    double MapY)
{
    /// <summary>True for masseter and temporalis (trigeminal nerve).</summary>
    public bool IsTrigeminal => Nerve == Nerve.Trigeminal;

    /// <summary>
    /// The default horizontal map position for a side: <see cref="MapX"/> for the patient's right, 1 − MapX for the
    /// left. Any other side (unknown, both) gets the right-side position.
    /// </summary>
    public double MapXFor(Examination.AffectedSide side) =>
        side == Examination.AffectedSide.Left ? 1 - MapX : MapX;
}
