namespace SpasmCare.Web.Auditing;

/// <summary>
/// What was done. Stable numeric codes in ranges per feature; never renumber, only append
/// (ranges: Patients 1000–1099, Scheduling 1100–1199, Inquiries 1200–1299, Admin 8000–8099, Auth 9000–9099).
/// </summary>
public enum AuditAction
{
    PatientRegistered = 1000,
    PatientRead = 1001,
    PatientSearched = 1002,
    PatientUpdated = 1003,
    PatientDeactivated = 1004,
    PatientReactivated = 1005,
    PatientPrinted = 1006,
    PatientHistoryRead = 1007,

    AuditLogViewed = 8000,
    AuditChainVerified = 8001,
    UserCreated = 8010,
    UserUpdated = 8011,
    UserDisabled = 8012,
    UserEnabled = 8013,
    UserPasswordReset = 8014,
    SiteCreated = 8020,
    SiteUpdated = 8021,
    ApiTokenIssued = 8030,
    ApiTokenRevoked = 8031,
    SettingsChanged = 8040,

    SignInSucceeded = 9000,
    SignInFailed = 9001,
    SignInLockedOut = 9002,
    SignedOut = 9003,
    PasswordChanged = 9004,
    TwoFactorEnabled = 9005,
    TwoFactorDisabled = 9006,
    TwoFactorFailed = 9007,
    ApiTokenRejected = 9008,
    AccessDenied = 9009,
}
