namespace SpasmCare.Clinical.Toxin;

/// <summary>
/// The cranial nerve supplying an injection site's muscle. Hemifacial spasm involves only facial-nerve (CN VII)
/// muscles; masseter and temporalis are trigeminal (CN V) and are targets in hemimasticatory spasm, not HFS
/// (DOMAIN §3.2).
/// </summary>
public enum Nerve
{
    Facial = 0,
    Trigeminal = 1,
}
