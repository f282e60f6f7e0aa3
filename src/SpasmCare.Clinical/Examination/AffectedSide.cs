namespace SpasmCare.Clinical.Examination;

/// <summary>
/// The side of the face with spasm. <see cref="Unknown"/> is the default so that "not recorded" never reads as
/// a side. Primary HFS is one-sided; bilateral HFS is rare (about 1%) and then asynchronous. DOMAIN §1.1.
/// </summary>
public enum AffectedSide
{
    Unknown = 0,
    Left = 1,
    Right = 2,
    Both = 3,
}
