namespace SpasmCare.Web.Features.Toxin;

public enum VialStatus
{
    /// <summary>Received, sealed.</summary>
    InStock = 0,

    /// <summary>Reconstituted; units may be drawn until it is empty or its use-within window ends.</summary>
    Reconstituted = 1,

    /// <summary>Everything drawn or wasted.</summary>
    Finished = 2,

    /// <summary>Discarded (expired, window passed, damaged, recalled): the remainder is recorded as waste.</summary>
    Discarded = 3,
}

/// <summary>
/// One vial, received by lot and expiry at a site. Drawing and wasting are <see cref="ToxinVialEntry"/> rows; the
/// running totals here carry the concurrency token, so two nurses drawing at once cannot overdraw it.
/// </summary>
public sealed class ToxinVial : IVersioned
{
    public const int LotMax = 64;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProductId { get; init; }
    public Guid SiteId { get; set; }
    [StringLength(LotMax)] public string LotNumber { get; set; } = "";
    public DateOnly ExpiryDate { get; set; }
    public decimal UnitsPerVial { get; set; }
    public DateTime ReceivedAtUtc { get; set; }

    public VialStatus Status { get; set; }
    public decimal? SalineMl { get; set; }
    public DateTime? ReconstitutedAtUtc { get; set; }
    public Guid? ReconstitutedBy { get; set; }
    [StringLength(256)] public string? ReconstitutedByName { get; set; }
    public DateTime? UseBeforeUtc { get; set; }

    public decimal UnitsDrawn { get; set; }
    public decimal UnitsWasted { get; set; }
    [StringLength(500)] public string? DiscardReason { get; set; }

    public decimal UnitsLeft => UnitsPerVial - UnitsDrawn - UnitsWasted;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum VialEntryKind
{
    Draw = 0,
    Waste = 1,
}

/// <summary>The vial's ledger: each draw (for an injection point) or waste, append-only.</summary>
public sealed class ToxinVialEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VialId { get; init; }
    public VialEntryKind Kind { get; init; }
    public decimal Units { get; init; }
    public Guid? SessionId { get; init; }
    public Guid? PatientId { get; init; }
    [StringLength(500)] public string? Reason { get; init; }
    public DateTime AtUtc { get; init; }
    public Guid? By { get; init; }
}

/// <summary>A manufacturer or regulator recall of one lot of one product.</summary>
public sealed class ToxinLotRecall
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProductId { get; init; }
    [StringLength(ToxinVial.LotMax)] public string LotNumber { get; init; } = "";
    [StringLength(1000)] public string Reason { get; init; } = "";
    public DateTime RecalledAtUtc { get; init; }
    public Guid? RecordedBy { get; init; }
}
