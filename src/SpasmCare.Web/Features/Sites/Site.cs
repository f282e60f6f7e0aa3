namespace SpasmCare.Web.Features.Sites;

public enum SiteKind
{
    Clinic = 0,
    Hospital = 1,
}

/// <summary>A place the practice works from: its own clinic, or a partner hospital with operating theatres.</summary>
public sealed class Site : IVersioned
{
    public const int NameMax = 100;
    public const int AddressMax = 200;
    public const int CityMax = 100;
    public const int PhoneMax = 20;
    public const int TimeZoneMax = 64;
    public const string DefaultTimeZone = "Asia/Kolkata";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    [StringLength(NameMax)] public string Name { get; set; } = "";
    public SiteKind Kind { get; set; }
    public bool HasOperatingTheatre { get; set; }
    [StringLength(AddressMax)] public string Address { get; set; } = "";
    [StringLength(CityMax)] public string City { get; set; } = "";
    [StringLength(6)] public string PinCode { get; set; } = "";
    [StringLength(PhoneMax)] public string Phone { get; set; } = "";
    [StringLength(TimeZoneMax)] public string TimeZoneId { get; set; } = DefaultTimeZone;
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
