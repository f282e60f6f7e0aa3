namespace SpasmCare.Web.Security;

/// <summary>An admin-editable setting, stored as a key and a string value.</summary>
public sealed class AppSetting
{
    public const string TwoFactorRequiredRoles = "Security:TwoFactorRequiredRoles";

    [StringLength(100)] public required string Key { get; init; }
    [StringLength(2000)] public string Value { get; set; } = "";
}
