namespace SpasmCare.Web.Auditing;

public enum AuditOutcome
{
    Succeeded = 0,
    Denied = 1,
    NotFound = 2,
    Failed = 3,
}
