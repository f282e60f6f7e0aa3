namespace SpasmCare.Web.Security;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Doctor = "Doctor";
    public const string Nurse = "Nurse";
    public const string FrontDesk = "FrontDesk";

    public static readonly IReadOnlyList<string> All = [Admin, Doctor, Nurse, FrontDesk];

    public static string Label(string role) => role switch
    {
        FrontDesk => "Front desk",
        _ => role,
    };
}
