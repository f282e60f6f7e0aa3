namespace SpasmCare.Web.Data;

/// <summary>A named, monotonically increasing number (MRNs). Advanced with one atomic UPDATE … RETURNING.</summary>
public sealed class Counter
{
    public const string Mrn = "mrn";

    public required string Name { get; init; }
    public long Value { get; set; }
}
