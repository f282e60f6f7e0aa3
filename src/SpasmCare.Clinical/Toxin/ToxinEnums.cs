namespace SpasmCare.Clinical.Toxin;

/// <summary>Why the toxin is given. A trigeminal muscle in a hemifacial-spasm session raises a warning (DOMAIN §3.2).</summary>
public enum InjectionIndication
{
    HemifacialSpasm = 0,
    Blepharospasm = 1,
    HemimasticatorySpasm = 2,
    Other = 9,
}

/// <summary>Where the needle went for a point (DOMAIN §3.6–3.7): pretarsal lid sites carry less ptosis risk than preseptal.</summary>
public enum InjectionTechnique
{
    Standard = 0,
    Pretarsal = 1,
    Preseptal = 2,
    Orbital = 3,
    Subcutaneous = 4,
    Intramuscular = 5,
    EmgGuided = 6,
}

/// <summary>The response to a session at its peak (DOMAIN §3.9).</summary>
public enum ToxinResponse
{
    None = 0,
    Partial = 1,
    Good = 2,
    Excellent = 3,
}
