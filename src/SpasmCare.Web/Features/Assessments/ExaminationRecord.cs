using SpasmCare.Clinical;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>Record the structured facial examination of a visit.</summary>
public static class RecordExamination
{
    /// <summary>The saved examination, or the problems with the input (nothing saved); both null: no such visit.</summary>
    public sealed record Result(Examination? Examination, IReadOnlyList<FieldError> Errors)
    {
        public bool NotFound => Examination is null && Errors.Count == 0;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, ClinicTime clock,
        ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Guid patientId, Guid visitId, ExaminationInput input, CancellationToken ct)
        {
            var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId && v.PatientId == patientId, ct);
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
            if (visit is null || patient is null)
            {
                return new Result(null, []);
            }

            if (visit.EnteredInError)
            {
                throw new RuleException("visit.entered-in-error",
                    "This visit was marked as entered in error; record the examination at the right visit.");
            }

            var exam = input.ToExamination();
            var errors = exam.Validate(Age.InYears(patient.BirthDate, clock.Today));
            if (errors.Count > 0)
            {
                return new Result(null, errors);
            }

            var examination = new Examination
            {
                PatientId = patientId,
                VisitId = visitId,
                ExaminedAtUtc = visit.StartedAtUtc,
                ExaminerId = clinicians.CurrentId() ?? throw new InvalidOperationException("An examination needs a signed-in examiner."),
                ExaminerName = clinicians.CurrentName(),
                Side = exam.Side,
                Findings = Examination.WriteFindings(exam),
                RecordedAtUtc = Clock.UtcNow(time),
            };
            db.Examinations.Add(examination);
            audit.Record(AuditAction.ExaminationRecorded, "Examination", examination.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.ExaminationRecorded(examination.Id, visitId);
            return new Result(examination, []);
        }
    }
}

/// <summary>Reads of examinations that more than one page needs.</summary>
public static class ExaminationQueries
{
    /// <summary>
    /// The patient's latest current examination (not amended since, not on a visit entered in error), to start a
    /// new one from; null when there is none.
    /// </summary>
    public static Task<Examination?> LatestCurrentAsync(SpasmCareDbContext db, Guid patientId, CancellationToken ct) =>
        (from e in db.Examinations.AsNoTracking()
         join v in db.Visits.AsNoTracking() on e.VisitId equals v.Id
         where e.PatientId == patientId && e.SupersededBy == null && !v.EnteredInError
         orderby e.ExaminedAtUtc descending, e.RecordedAtUtc descending
         select e).FirstOrDefaultAsync(ct);
}
