using SpasmCare.Clinical;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// Correct an examination: a new row that amends the old one, which is kept and marked as superseded. Two
/// amendments of the same row cannot both succeed: the second is refused and nothing of it is saved.
/// </summary>
public static class AmendExamination
{
    /// <summary>The examination was amended by someone else first.</summary>
    public sealed record Conflict(string AmendedBy, DateTime AmendedAtUtc, Guid CurrentId);

    public sealed record Result(Examination? Amendment, IReadOnlyList<FieldError> Errors, Conflict? Conflict)
    {
        public bool NotFound => Amendment is null && Errors.Count == 0 && Conflict is null;
    }

    public sealed class Handler(
        SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, ClinicTime clock,
        ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Guid patientId, Guid examinationId, ExaminationInput input, CancellationToken ct)
        {
            var old = await db.Examinations.FirstOrDefaultAsync(e => e.Id == examinationId && e.PatientId == patientId, ct);
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, ct);
            if (old is null || patient is null)
            {
                return new Result(null, [], null);
            }

            if (old.SupersededBy is not null)
            {
                return await RefuseAsync(old.Id, patientId, ct);
            }

            if (await db.Visits.AnyAsync(v => v.Id == old.VisitId && v.EnteredInError, ct))
            {
                throw new RuleException("visit.entered-in-error",
                    "The visit of this examination was marked as entered in error; it can no longer be amended.");
            }

            var exam = input.ToExamination();
            var errors = exam.Validate(Age.InYears(patient.BirthDate, clock.Today)).ToList();
            var reason = VisitRules.Blank(input.AmendmentReason);
            if (reason is null || reason.Length < 3)
            {
                errors.Add(new FieldError(nameof(ExaminationInput.AmendmentReason), "Say why the examination is amended, such as \"side recorded wrongly\"."));
            }
            else if (reason.Length > Visit.ReasonMax)
            {
                errors.Add(new FieldError(nameof(ExaminationInput.AmendmentReason), $"The reason can be at most {Visit.ReasonMax} characters."));
            }

            if (errors.Count > 0)
            {
                return new Result(null, errors, null);
            }

            var amendment = new Examination
            {
                PatientId = patientId,
                VisitId = old.VisitId,
                ExaminedAtUtc = old.ExaminedAtUtc,
                ExaminerId = clinicians.CurrentId() ?? throw new InvalidOperationException("An amendment needs a signed-in examiner."),
                ExaminerName = clinicians.CurrentName(),
                Side = exam.Side,
                Findings = Examination.WriteFindings(exam),
                Amends = old.Id,
                AmendmentReason = reason,
                RecordedAtUtc = Clock.UtcNow(time),
            };
            old.SupersededBy = amendment.Id;
            db.Examinations.Add(amendment);
            audit.Record(AuditAction.ExaminationAmended, "Examination", amendment.Id.ToString(), patientId, detail: "amends " + old.Id);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another amendment of the same row was saved between the check above and this save.
                db.ChangeTracker.Clear();
                return await RefuseAsync(old.Id, patientId, ct);
            }

            logger.ExaminationAmended(old.Id, amendment.Id);
            return new Result(amendment, [], null);
        }

        private async Task<Result> RefuseAsync(Guid oldId, Guid patientId, CancellationToken ct)
        {
            logger.ExaminationAmendConflict(oldId);
            audit.Record(AuditAction.ExaminationAmended, "Examination", oldId.ToString(), patientId, AuditOutcome.Failed,
                StatusCodes.Status409Conflict, "already amended");
            await db.SaveChangesAsync(ct);
            var newer = await db.Examinations.AsNoTracking().FirstAsync(e => e.Amends == oldId, ct);
            return new Result(null, [], new Conflict(newer.ExaminerName, newer.RecordedAtUtc, await CurrentAsync(newer, ct)));
        }

        /// <summary>Follows the chain of amendments to the examination that is current now.</summary>
        private async Task<Guid> CurrentAsync(Examination exam, CancellationToken ct)
        {
            var current = exam;
            while (current.SupersededBy is { } next)
            {
                current = await db.Examinations.AsNoTracking().FirstAsync(e => e.Id == next, ct);
            }

            return current.Id;
        }
    }
}
