namespace SpasmCare.Web.Features.Workup;

public static class RecordImaging
{
    public const string Subject = "ImagingStudy";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The new study, or null when there is no such patient.</returns>
        public async Task<ImagingStudy?> HandleAsync(Guid patientId, ImagingInput input, CancellationToken ct)
        {
            if (await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return null;
            }

            WorkupChecks.NotBeforeBirth(input.StudyDate, born, nameof(ImagingInput.StudyDate), "date of the study");
            var study = new ImagingStudy { PatientId = patientId };
            input.ApplyTo(study);
            db.ImagingStudies.Add(study);
            audit.Record(AuditAction.ImagingRecorded, Subject, study.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.ImagingSaved(study.Id, patientId, "recorded");
            return study;
        }
    }
}
