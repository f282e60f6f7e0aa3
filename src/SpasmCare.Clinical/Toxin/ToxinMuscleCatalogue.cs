using System.Collections.Frozen;

namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// The injection sites offered by the toxin chart, top of the face downward, trigeminal sites last. Reference doses
/// are onabotulinumtoxinA units per site from DOMAIN §3.2: the lid sites from the Botox blepharospasm label
/// (1.25–2.5 U, little added benefit above 5 U/site), the lateral-canthus orbital site from the textbook HFS scheme
/// (2.5–5 U), brow, mid-face, perioral and chin ranges marked [U] in DOMAIN, platysma 2.5–5 U per site. Procerus and
/// nasalis are not in the DOMAIN table, and DOMAIN gives no trigeminal doses: those ranges are [U] and say so in
/// their <see cref="ToxinMuscle.Note"/>. Reference ranges support checks and defaults; they are not a protocol.
/// </summary>
public static class ToxinMuscleCatalogue
{
    private const string LidLabel = "Botox blepharospasm label: 1.25–2.5 U starting, little added benefit above 5 U/site (DOMAIN §3.2).";
    private const string MidFace = "[U] Lower-face palsy is frequent at standard doses: prefer the low end (Yu 1992, DOMAIN §3.2).";
    private const string Trigeminal = "Trigeminal (CN V) muscle: a target in hemimasticatory spasm, not in HFS (DOMAIN §3.2). [U] Dose range not in DOMAIN; check a source.";

    public static IReadOnlyList<ToxinMuscle> All { get; } =
    [
        // Periocular — DOMAIN §3.2, §3.6, §3.7
        new("oo-upper-pretarsal-medial", "Orbicularis oculi, upper lid pretarsal medial", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Pretarsal, false, false, LidLabel, 0.40, 0.325),
        new("oo-upper-pretarsal-lateral", "Orbicularis oculi, upper lid pretarsal lateral", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Pretarsal, false, false, LidLabel, 0.31, 0.325),
        new("oo-upper-centre-levator", "Orbicularis oculi, upper lid centre over the levator", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Pretarsal, false, true,
            "Avoid: toxin over the levator palpebrae causes ptosis (DOMAIN §3.7).", 0.355, 0.318),
        new("oo-upper-preseptal", "Orbicularis oculi, upper lid preseptal", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Preseptal, false, false,
            "Preseptal lid injections cause more ptosis than pretarsal ones (DOMAIN §3.6).", 0.345, 0.298),
        new("oo-lower-pretarsal-lateral", "Orbicularis oculi, lower lid lateral", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Pretarsal, false, false, LidLabel, 0.31, 0.372),
        new("oo-lower-medial", "Orbicularis oculi, lower lid medial", Nerve.Facial, "Periocular",
            1.25m, 2.5m, InjectionTechnique.Pretarsal, true, false,
            "Avoid: toxin at the medial lower lid can diffuse to the inferior oblique and cause diplopia (DOMAIN §3.2, §3.7).",
            0.40, 0.372),
        new("oo-orbital-lateral-canthus", "Orbicularis oculi, orbital at the lateral canthus", Nerve.Facial, "Periocular",
            2.5m, 5m, InjectionTechnique.Orbital, false, false,
            "Textbook HFS scheme 2.5–5 U; Thai fixed protocol 4 orbital sites × 5 U (DOMAIN §3.2).", 0.255, 0.345),

        // Brow — DOMAIN §3.2 [U]
        new("corrugator", "Corrugator supercilii", Nerve.Facial, "Brow",
            2.5m, 5m, InjectionTechnique.Intramuscular, false, false, "[U] DOMAIN §3.2.", 0.435, 0.265),
        new("procerus", "Procerus", Nerve.Facial, "Brow",
            2.5m, 5m, InjectionTechnique.Intramuscular, false, false,
            "[U] Not in the DOMAIN §3.2 table; brow-region range used. Midline muscle.", 0.485, 0.29),
        new("frontalis-lateral", "Frontalis, lateral", Nerve.Facial, "Brow",
            2.5m, 5m, InjectionTechnique.Intramuscular, false, false,
            "[U] Frontalis injection raises brow-ptosis risk (DOMAIN §3.2).", 0.33, 0.16),

        // Mid-face — DOMAIN §3.2 [U]
        new("nasalis", "Nasalis", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false,
            "[U] Not in the DOMAIN §3.2 table; mid-face range used.", 0.45, 0.44),
        new("zygomaticus-major", "Zygomaticus major", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false, MidFace, 0.29, 0.50),
        new("zygomaticus-minor", "Zygomaticus minor", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false, MidFace, 0.35, 0.47),
        new("levator-labii-superioris", "Levator labii superioris", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false, MidFace, 0.415, 0.49),
        new("risorius", "Risorius", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false, MidFace, 0.32, 0.60),
        new("buccinator", "Buccinator", Nerve.Facial, "Mid-face",
            1m, 2.5m, InjectionTechnique.Intramuscular, false, false, MidFace, 0.35, 0.56),

        // Perioral and chin — DOMAIN §3.2 [U]
        new("orbicularis-oris", "Orbicularis oris", Nerve.Facial, "Perioral",
            0.5m, 1.25m, InjectionTechnique.Subcutaneous, false, false,
            "[U] Mouth droop and drooling are the typical adverse effects (DOMAIN §3.2).", 0.45, 0.605),
        new("depressor-anguli-oris", "Depressor anguli oris", Nerve.Facial, "Chin",
            1.25m, 2.5m, InjectionTechnique.Intramuscular, false, false, "[U] DOMAIN §3.2.", 0.385, 0.665),
        new("mentalis", "Mentalis", Nerve.Facial, "Chin",
            1.25m, 2.5m, InjectionTechnique.Intramuscular, false, false, "[U] DOMAIN §3.2.", 0.46, 0.71),

        // Neck — DOMAIN §3.2
        new("platysma", "Platysma", Nerve.Facial, "Neck",
            2.5m, 5m, InjectionTechnique.Intramuscular, false, false,
            "2.5–5 U per site, 2–3 sites per band (DOMAIN §3.2).", 0.36, 0.85),

        // Trigeminal — hemimasticatory spasm only (DOMAIN §3.2)
        new("masseter", "Masseter", Nerve.Trigeminal, "Masticatory",
            10m, 25m, InjectionTechnique.Intramuscular, false, false, Trigeminal, 0.245, 0.585),
        new("temporalis", "Temporalis", Nerve.Trigeminal, "Masticatory",
            10m, 25m, InjectionTechnique.Intramuscular, false, false, Trigeminal, 0.19, 0.25),
    ];

    private static readonly FrozenDictionary<string, ToxinMuscle> ByCode =
        All.ToFrozenDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The site with this code (case-insensitive), or null for an unknown, empty or missing code.</summary>
    public static ToxinMuscle? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : ByCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// The sites to offer in the picker for an indication: facial-nerve sites only for hemifacial spasm and
    /// blepharospasm (the masseter is offered only under another indication, DOMAIN §3.2 [D]); every site otherwise.
    /// </summary>
    public static IReadOnlyList<ToxinMuscle> ForIndication(InjectionIndication indication) =>
        indication is InjectionIndication.HemifacialSpasm or InjectionIndication.Blepharospasm
            ? [.. All.Where(m => m.Nerve == Nerve.Facial)]
            : All;
}
