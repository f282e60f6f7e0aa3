namespace SpasmCare.Web.Features.Patients;

public sealed class ConsentOptions
{
    public const string Section = "Consent";

    /// <summary>The version of the privacy notice shown to patients when their consent is recorded.</summary>
    public string NoticeVersion { get; set; } = "2026-01";
}
