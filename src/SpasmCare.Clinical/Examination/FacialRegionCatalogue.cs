using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SpasmCare.Clinical.Examination;

/// <summary>Display name, muscle, zone and nerve of one <see cref="FacialRegion"/>.</summary>
public sealed record FacialRegionInfo(FacialRegion Region, string DisplayName, string Muscle, FaceZone Zone, CranialNerve Nerve)
{
    /// <summary>True for the jaw: its muscles are trigeminal, so they are not part of HFS (DOMAIN §3.2).</summary>
    public bool IsTrigeminal => Nerve == CranialNerve.Trigeminal;

    /// <summary>True for the upper and lower eyelid (orbicularis oculi).</summary>
    public bool IsEyelid => Region is FacialRegion.UpperLid or FacialRegion.LowerLid;
}

/// <summary>
/// The examination's regions in display order (top of the face downward, jaw last), with their muscles and nerves.
/// Facial-nerve muscles as listed in DOMAIN §1.1 and §3.2; masseter and temporalis are trigeminal (DOMAIN §1.3,
/// §3.2), so the jaw is marked as such and never counts as HFS territory.
/// </summary>
public static class FacialRegionCatalogue
{
    public static IReadOnlyList<FacialRegionInfo> All { get; } =
    [
        new(FacialRegion.UpperLid, "Upper lid", "Orbicularis oculi (upper lid)", FaceZone.Upper, CranialNerve.Facial),
        new(FacialRegion.LowerLid, "Lower lid", "Orbicularis oculi (lower lid)", FaceZone.Upper, CranialNerve.Facial),
        new(FacialRegion.Brow, "Brow", "Frontalis", FaceZone.Upper, CranialNerve.Facial),
        new(FacialRegion.Corrugator, "Corrugator", "Corrugator supercilii", FaceZone.Upper, CranialNerve.Facial),
        new(FacialRegion.Cheek, "Cheek", "Zygomaticus major and minor", FaceZone.Lower, CranialNerve.Facial),
        new(FacialRegion.NoseUpperLip, "Nose and upper lip", "Levator labii superioris", FaceZone.Lower, CranialNerve.Facial),
        new(FacialRegion.Mouth, "Mouth", "Orbicularis oris", FaceZone.Lower, CranialNerve.Facial),
        new(FacialRegion.Chin, "Chin", "Mentalis", FaceZone.Lower, CranialNerve.Facial),
        new(FacialRegion.Neck, "Neck", "Platysma", FaceZone.Lower, CranialNerve.Facial),
        new(FacialRegion.Jaw, "Jaw", "Masseter and temporalis", FaceZone.Masticatory, CranialNerve.Trigeminal),
    ];

    private static readonly FrozenDictionary<FacialRegion, FacialRegionInfo> ByRegion = All.ToFrozenDictionary(r => r.Region);

    /// <summary>The catalogue entry of a region.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined region.</exception>
    public static FacialRegionInfo Get(FacialRegion region) =>
        ByRegion.TryGetValue(region, out var info)
            ? info
            : throw new ArgumentOutOfRangeException(nameof(region), region, "Not a facial region.");

    /// <summary>True when the value is one of the defined regions.</summary>
    public static bool IsDefined(FacialRegion region) => ByRegion.ContainsKey(region);

    /// <summary>
    /// The regions as one comma-separated text of their names in catalogue order ("UpperLid,LowerLid,Cheek"),
    /// for storage in a single column. Empty text for no regions.
    /// </summary>
    public static string Format(IEnumerable<FacialRegion> regions) =>
        string.Join(',', All.Select(r => r.Region).Where(regions.Contains));

    /// <summary>
    /// Reads text written by <see cref="Format"/>. Names are matched exactly (ordinal); blanks between commas are
    /// ignored. Returns false, with the regions read so far, when a name is not a region.
    /// </summary>
    public static bool TryParse(string? text, out ImmutableHashSet<FacialRegion> regions)
    {
        regions = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = All.FirstOrDefault(r => string.Equals(r.Region.ToString(), part, StringComparison.Ordinal));
            if (match is null)
            {
                return false;
            }

            regions = regions.Add(match.Region);
        }

        return true;
    }
}
