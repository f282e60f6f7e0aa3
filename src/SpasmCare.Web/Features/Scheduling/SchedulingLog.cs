namespace SpasmCare.Web.Features.Scheduling;

// Event ids 1100–1129 (appointments). Log ids, never names or notes.
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Appointment {AppointmentId} of patient {PatientId}: {Change}")]
    public static partial void AppointmentChanged(this ILogger logger, Guid appointmentId, Guid patientId, string change);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Appointment {AppointmentId}: {Action} refused, stale version")]
    public static partial void AppointmentStale(this ILogger logger, Guid appointmentId, AuditAction action);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Booking with practitioner {PractitionerId} refused: {Outcome}")]
    public static partial void SlotRefused(this ILogger logger, Guid practitionerId, SpasmCare.Clinical.Scheduling.SlotOutcome outcome);
}
