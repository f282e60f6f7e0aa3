namespace SpasmCare.Web.Security;

public static class Policies
{
    /// <summary>Any staff member who may work with the patient registry.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Administration: users, sites, settings, API tokens, the audit log.</summary>
    public const string Admin = nameof(Admin);

    /// <summary>The JSON API: bearer tokens only; the cookie is never accepted there.</summary>
    public const string Api = nameof(Api);
}
