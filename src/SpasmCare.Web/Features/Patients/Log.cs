namespace SpasmCare.Web.Features.Patients;

// Event ids 1000–1099. Log ids, never names, dates of birth or contact details.
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Patient {PatientId} registered")]
    public static partial void PatientRegistered(this ILogger logger, Guid patientId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Patient {PatientId} updated")]
    public static partial void PatientUpdated(this ILogger logger, Guid patientId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Patient {PatientId} edit refused: stale version")]
    public static partial void PatientEditConflict(this ILogger logger, Guid patientId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Patient {PatientId} status changed to active={IsActive}")]
    public static partial void PatientStatusChanged(this ILogger logger, Guid patientId, bool isActive);
}
