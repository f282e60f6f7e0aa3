namespace SpasmCare.Web.Features.Assessments;

// Event ids 1300–1349 (visits, examinations, differential). Log ids, never findings or names.
internal static partial class VisitLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Visit {VisitId} recorded for patient {PatientId}")]
    public static partial void VisitRecorded(this ILogger logger, Guid visitId, Guid patientId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Visit {VisitId} updated")]
    public static partial void VisitUpdated(this ILogger logger, Guid visitId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Visit {VisitId} edit refused: stale version")]
    public static partial void VisitEditConflict(this ILogger logger, Guid visitId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Visit {VisitId} marked entered in error")]
    public static partial void VisitEnteredInError(this ILogger logger, Guid visitId);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Examination {ExaminationId} recorded at visit {VisitId}")]
    public static partial void ExaminationRecorded(this ILogger logger, Guid examinationId, Guid visitId);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Examination {ExaminationId} amended by {AmendmentId}")]
    public static partial void ExaminationAmended(this ILogger logger, Guid examinationId, Guid amendmentId);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Information, Message = "Examination {ExaminationId} amendment refused: already amended")]
    public static partial void ExaminationAmendConflict(this ILogger logger, Guid examinationId);
}
