namespace SpasmCare.Web.Features.Toxin;

/// <summary>The botulinum toxin substance (DOMAIN §3.8). Units of different substances are not interchangeable.</summary>
public enum ToxinSubstance
{
    OnabotulinumtoxinA = 0,
    AbobotulinumtoxinA = 1,
    IncobotulinumtoxinA = 2,
    PrabotulinumtoxinA = 3,
    LetibotulinumtoxinA = 4,
    Other = 9,
}

/// <summary>
/// A toxin product the clinic stocks (admin catalogue). The reference ratio to onabotulinumtoxinA units is a read-only
/// hint shown beside doses; no dose is ever converted with it.
/// </summary>
public sealed class ToxinProduct : IVersioned
{
    public const int NameMax = 100;
    public const int NoteMax = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    [StringLength(NameMax)] public string Name { get; set; } = "";
    public ToxinSubstance Substance { get; set; }
    [StringLength(NameMax)] public string? Manufacturer { get; set; }

    /// <summary>Vial sizes in units, comma-separated, e.g. "50,100,200".</summary>
    [StringLength(100)] public string VialSizes { get; set; } = "";

    /// <summary>Storage before reconstitution, e.g. "2–8 °C"; free text shown on stock pages.</summary>
    [StringLength(NoteMax)] public string? StorageRule { get; set; }

    /// <summary>How long a reconstituted vial may be used (hours); configurable per product.</summary>
    public int UseWithinHours { get; set; } = 24;

    /// <summary>Reference equivalence: product units per onabotulinumtoxinA unit, low and high (1–1 or 2.5–3).</summary>
    public decimal? ReferenceRatioLow { get; set; }
    public decimal? ReferenceRatioHigh { get; set; }

    public bool HasComplexingProteins { get; set; } = true;

    /// <summary>Stock level (unopened vials per site) below which a low-stock alert shows.</summary>
    public int LowStockVials { get; set; } = 2;

    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
