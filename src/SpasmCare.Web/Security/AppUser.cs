using Microsoft.AspNetCore.Identity;

namespace SpasmCare.Web.Security;

/// <summary>A staff account. Never deleted: disabling keeps the audit trail's actors resolvable.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMax = 100;

    [StringLength(DisplayNameMax)] public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public bool MustChangePassword { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<UserSite> Sites { get; set; } = [];
}

/// <summary>A site a staff member works at.</summary>
public sealed class UserSite
{
    public Guid UserId { get; set; }
    public Guid SiteId { get; set; }
}
