namespace SpasmCare.Clinical.Examination;

/// <summary>
/// A region of the face (or neck, or jaw) that can be involved in spasm. Anatomy, zone and nerve of each region
/// are in <see cref="FacialRegionCatalogue"/>. The numeric values are stable: they may be stored.
/// </summary>
public enum FacialRegion
{
    UpperLid = 1,
    LowerLid = 2,
    Brow = 3,
    Corrugator = 4,
    Cheek = 5,
    NoseUpperLip = 6,
    Mouth = 7,
    Chin = 8,
    Neck = 9,
    /// <summary>Masseter and temporalis: trigeminal (CN V), not facial-nerve, territory. DOMAIN §1.3, §3.2.</summary>
    Jaw = 10,
}

/// <summary>Which part of the face a region belongs to, as the spread rules of DOMAIN §1.1 use the words.</summary>
public enum FaceZone
{
    /// <summary>Eyelids, brow and corrugator: where typical HFS starts (DOMAIN §1.1).</summary>
    Upper = 1,

    /// <summary>Cheek, nose and upper lip, mouth, chin and neck: where typical HFS spreads and atypical HFS starts.</summary>
    Lower = 2,

    /// <summary>Jaw-closing muscles, supplied by the trigeminal nerve (hemimasticatory spasm, DOMAIN §1.3).</summary>
    Masticatory = 3,
}

/// <summary>The cranial nerve that supplies a region's muscles.</summary>
public enum CranialNerve
{
    /// <summary>CN V, the trigeminal nerve (masseter, temporalis).</summary>
    Trigeminal = 5,

    /// <summary>CN VII, the facial nerve: every muscle of HFS (DOMAIN §1.1).</summary>
    Facial = 7,
}
