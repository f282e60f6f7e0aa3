namespace SpasmCare.Web.Features.Workup;

public static class RecordElectrophysiology
{
    public const string Subject = "ElectrophysiologyStudy";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The new study, or null when there is no such patient.</returns>
        public async Task<ElectrophysiologyStudy?> HandleAsync(Guid patientId, ElectrophysiologyInput input, CancellationToken ct)
        {
            if (await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return null;
            }

            WorkupChecks.NotBeforeBirth(input.StudyDate, born, nameof(ElectrophysiologyInput.StudyDate), "date of the study");
            var study = new ElectrophysiologyStudy { PatientId = patientId };
            input.ApplyTo(study);
            db.ElectrophysiologyStudies.Add(study);
            audit.Record(AuditAction.ElectrophysiologyRecorded, Subject, study.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.ElectrophysiologySaved(study.Id, patientId, "recorded");
            return study;
        }
    }
}
