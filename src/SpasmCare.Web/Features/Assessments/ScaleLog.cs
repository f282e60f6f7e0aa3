namespace SpasmCare.Web.Features.Assessments;

// Event ids 1320–1329 (scale scores) and 8050–8059 (instruments). Ids and instrument codes only, never answers.
internal static partial class ScaleLog
{
    [LoggerMessage(EventId = 1320, Level = LogLevel.Information, Message = "Scale score {ScoreId} ({InstrumentCode}) recorded for patient {PatientId}")]
    public static partial void ScaleScoreRecorded(this ILogger logger, Guid scoreId, string instrumentCode, Guid patientId);

    [LoggerMessage(EventId = 1322, Level = LogLevel.Information, Message = "Scale score {ScoreId} amended by {NewScoreId}")]
    public static partial void ScaleScoreAmended(this ILogger logger, Guid scoreId, Guid newScoreId);

    [LoggerMessage(EventId = 1323, Level = LogLevel.Information, Message = "Scale score {ScoreId} amendment refused: already amended")]
    public static partial void ScaleScoreAmendConflict(this ILogger logger, Guid scoreId);

    [LoggerMessage(EventId = 8050, Level = LogLevel.Information, Message = "Instrument {InstrumentCode} version {InstrumentVersion} loaded")]
    public static partial void InstrumentLoaded(this ILogger logger, string instrumentCode, string instrumentVersion);

    [LoggerMessage(EventId = 8051, Level = LogLevel.Information, Message = "Instrument {InstrumentCode} version {InstrumentVersion} active={IsActive}")]
    public static partial void InstrumentActivationChanged(this ILogger logger, string instrumentCode, string instrumentVersion, bool isActive);

    [LoggerMessage(EventId = 8052, Level = LogLevel.Information, Message = "{Count} built-in instrument versions added")]
    public static partial void BuiltInInstrumentsAdded(this ILogger logger, int count);

    [LoggerMessage(EventId = 8053, Level = LogLevel.Warning, Message = "The built-in {InstrumentCode} {InstrumentVersion} differs from the stored copy; the stored copy is kept (give changed definitions a new version)")]
    public static partial void BuiltInInstrumentDiffers(this ILogger logger, string instrumentCode, string instrumentVersion);
}
