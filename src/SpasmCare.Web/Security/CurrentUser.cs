using System.Security.Claims;

namespace SpasmCare.Web.Security;

/// <summary>The signed-in staff member of the current request, if any (null in background work and seeding).</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    string Name { get; }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "";
}
