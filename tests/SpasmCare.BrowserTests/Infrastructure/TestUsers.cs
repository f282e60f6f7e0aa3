using SpasmCare.Web.Security;

namespace SpasmCare.BrowserTests.Infrastructure;

public sealed record TestUser(string UserName, string DisplayName, string Role, string Password, bool MustChangePassword = false);

/// <summary>
/// The staff accounts every browser fixture creates. Each journey signs in as accounts of its own, so that one
/// journey's sign-outs, wrong passwords and changed passwords cannot disturb another's.
/// </summary>
public static class TestUsers
{
    public static readonly TestUser Admin = new("test.admin", "Asha Rao", Roles.Admin, "audit-trail-keeper-2026");
    public static readonly TestUser FrontDesk = new("test.desk", "Farah Desai", Roles.FrontDesk, "front-desk-greeting-2026");
    public static readonly TestUser Doctor = new("test.doctor", "Dr Vikram Joshi", Roles.Doctor, "botulinum-every-quarter");
    public static readonly TestUser Nurse = new("test.nurse", "Meera Kulkarni", Roles.Nurse, "ward-round-at-nine");
    public static readonly TestUser Typo = new("test.typo", "Ravi Shetty", Roles.FrontDesk, "correct-horse-battery");

    /// <summary>Created by an administrator with a one-time password, not yet changed.</summary>
    public static readonly TestUser NewStarter = new("test.newstarter", "Nikhil Bose", Roles.Nurse, "one-time-7Qx2-Lm9p", MustChangePassword: true);

    public static IReadOnlyList<TestUser> All { get; } = [Admin, FrontDesk, Doctor, Nurse, Typo, NewStarter];
}
