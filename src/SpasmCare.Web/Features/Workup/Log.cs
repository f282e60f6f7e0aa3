namespace SpasmCare.Web.Features.Workup;

// Event ids 1400–1499. Log ids, never findings, file names or notes.
internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Imaging study {StudyId} of patient {PatientId} {Change}")]
    public static partial void ImagingSaved(this ILogger logger, Guid studyId, Guid patientId, string change);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "{Record} {RecordId} of patient {PatientId}: edit refused, stale version")]
    public static partial void EditConflict(this ILogger logger, string record, Guid recordId, Guid patientId);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Document {DocumentId} ({Size} bytes) uploaded for patient {PatientId}")]
    public static partial void DocumentUploaded(this ILogger logger, Guid documentId, long size, Guid patientId);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Upload for patient {PatientId} refused: {Reason}")]
    public static partial void DocumentRejected(this ILogger logger, Guid patientId, string reason);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Error, Message = "Document {DocumentId} has a row but no file in the documents folder")]
    public static partial void DocumentFileMissing(this ILogger logger, Guid documentId);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Information, Message = "Electrophysiology study {StudyId} of patient {PatientId} {Change}")]
    public static partial void ElectrophysiologySaved(this ILogger logger, Guid studyId, Guid patientId, string change);

    [LoggerMessage(EventId = 1430, Level = LogLevel.Information, Message = "Diagnosis {DiagnosisId} of patient {PatientId} {Change}")]
    public static partial void DiagnosisSaved(this ILogger logger, Guid diagnosisId, Guid patientId, string change);
}
