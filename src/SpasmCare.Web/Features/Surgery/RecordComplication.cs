using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Record a complication of an operated case. Nurses and doctors record; only a doctor marks one permanent.</summary>
public static class RecordComplication
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<MvdComplication?> HandleAsync(Guid patientId, Guid caseId, ComplicationInput input, bool byDoctor, CancellationToken ct)
        {
            var c = await db.MvdCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            var operatedOn = await ComplicationRules.OperatedOnAsync(db, c, ct)
                ?? throw new RuleException("mvd.not-operated", "Complications are recorded after the operation is.");
            input.CheckAgainst(operatedOn);
            ComplicationRules.PermanentNeedsDoctor(byDoctor, input.Course, null);
            var complication = new MvdComplication { CaseId = caseId, PatientId = patientId };
            input.ApplyTo(complication);
            db.MvdComplications.Add(complication);
            audit.Record(AuditAction.MvdComplicationRecorded, ComplicationRules.Subject, complication.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.CaseChanged(caseId, patientId, "complication recorded");
            return complication;
        }
    }
}
