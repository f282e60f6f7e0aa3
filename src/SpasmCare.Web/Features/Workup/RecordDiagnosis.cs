namespace SpasmCare.Web.Features.Workup;

public static class RecordDiagnosis
{
    public const string Subject = "Diagnosis";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The new diagnosis, or null when there is no such patient.</returns>
        public async Task<PatientDiagnosis?> HandleAsync(Guid patientId, DiagnosisInput input, CancellationToken ct)
        {
            if (await WorkupChecks.BirthDateAsync(db, patientId, ct) is not { } born)
            {
                return null;
            }

            WorkupChecks.NotBeforeBirth(input.OnsetDate, born, nameof(DiagnosisInput.OnsetDate), "onset");
            var diagnosis = new PatientDiagnosis { PatientId = patientId };
            input.ApplyTo(diagnosis);
            db.Diagnoses.Add(diagnosis);
            audit.Record(AuditAction.DiagnosisRecorded, Subject, diagnosis.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.DiagnosisSaved(diagnosis.Id, patientId, "recorded");
            return diagnosis;
        }
    }
}
