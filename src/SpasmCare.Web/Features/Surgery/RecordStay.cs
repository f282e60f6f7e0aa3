using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>
/// Record the hospital stay: admission (once the case is booked) and discharge (once it is operated), as local
/// date and time at the hospital. A discharge makes the case "discharged"; clearing it takes the case back to "operated".
/// </summary>
public static class RecordStay
{
    public sealed class Request : IValidatableObject
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Enter the date of admission.")]
        [Display(Name = "Admission date")]
        public DateOnly? AdmittedDate { get; set; }

        [Required(ErrorMessage = "Enter the time of admission.")]
        [Display(Name = "Admission time")]
        public TimeOnly? AdmittedTime { get; set; }

        [Display(Name = "Discharge date")]
        public DateOnly? DischargedDate { get; set; }

        [Display(Name = "Discharge time")]
        public TimeOnly? DischargedTime { get; set; }

        [StringLength(4000, ErrorMessage = "The discharge notes can be at most {1} characters.")]
        [Display(Name = "Medicines and notes at discharge")]
        public string? DischargeNotes { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if ((DischargedDate is null) != (DischargedTime is null))
            {
                yield return new ValidationResult("Enter both the date and the time of discharge, or neither.",
                    [DischargedDate is null ? nameof(DischargedDate) : nameof(DischargedTime)]);
            }
            else if (Admitted() is { } admitted && Discharged() is { } discharged
                && LengthOfStay.Compute(admitted, discharged).Error is { } error)
            {
                yield return new ValidationResult(error.Message, [nameof(DischargedDate)]);
            }
        }

        public DateTime? Admitted() => AdmittedDate is { } d && AdmittedTime is { } t ? d.ToDateTime(t) : null;

        public DateTime? Discharged() => DischargedDate is { } d && DischargedTime is { } t ? d.ToDateTime(t) : null;

        public static Request From(MvdCase c, TimeZoneInfo zone)
        {
            var request = new Request { Version = c.Version, DischargeNotes = c.DischargeSummary };
            if (c.AdmittedAtUtc is { } admitted)
            {
                var local = MvdCaseRules.ToLocal(admitted, zone);
                (request.AdmittedDate, request.AdmittedTime) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }

            if (c.DischargedAtUtc is { } discharged)
            {
                var local = MvdCaseRules.ToLocal(discharged, zone);
                (request.DischargedDate, request.DischargedTime) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }

            return request;
        }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, AuditAction.MvdStayRecorded, ct);
            MvdCaseRules.NotCancelled(c);
            if (c.Status is MvdCaseStatus.Referred or MvdCaseStatus.ReadyForSurgery)
            {
                throw new RuleException("mvd.not-booked", "Book the case before recording the admission.");
            }

            var zone = await MvdCaseRules.HospitalZoneAsync(db, c.HospitalSiteId, ct);
            var now = Clock.UtcNow(time);
            var admitted = MvdCaseRules.ToUtc(request.AdmittedDate!.Value, request.AdmittedTime!.Value, zone)
                ?? throw new RuleException("mvd.time", "That time does not exist at the hospital (the clocks change then).", nameof(Request.AdmittedTime));
            if (admitted > now)
            {
                throw new RuleException("mvd.future", "The admission cannot be in the future.", nameof(Request.AdmittedDate));
            }

            DateTime? discharged = null;
            if (request.DischargedDate is { } dd && request.DischargedTime is { } dt)
            {
                discharged = MvdCaseRules.ToUtc(dd, dt, zone)
                    ?? throw new RuleException("mvd.time", "That time does not exist at the hospital (the clocks change then).", nameof(Request.DischargedTime));
                if (discharged > now)
                {
                    throw new RuleException("mvd.future", "The discharge cannot be in the future.", nameof(Request.DischargedDate));
                }
            }

            var operation = await db.MvdOperations.AsNoTracking().FirstOrDefaultAsync(o => o.CaseId == caseId, ct);
            if (discharged is not null && operation is null)
            {
                throw new RuleException("mvd.not-operated", "Record the operation before the discharge.", nameof(Request.DischargedDate));
            }

            if (operation is not null && admitted > operation.StartedAtUtc)
            {
                throw new RuleException("mvd.after-operation", "The admission is after the start of the operation.", nameof(Request.AdmittedDate));
            }

            if (operation is not null && discharged < operation.EndedAtUtc)
            {
                throw new RuleException("mvd.before-end", "The discharge is before the end of the operation.", nameof(Request.DischargedDate));
            }

            c.AdmittedAtUtc = admitted;
            c.DischargedAtUtc = discharged;
            c.DischargeSummary = MvdCaseRules.Clean(request.DischargeNotes);
            if (c.Status is MvdCaseStatus.Operated or MvdCaseStatus.Discharged)
            {
                c.Status = discharged is null ? MvdCaseStatus.Operated : MvdCaseStatus.Discharged;
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return c;
            }

            audit.Record(AuditAction.MvdStayRecorded, MvdCaseRules.Subject, caseId.ToString(), patientId);
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdStayRecorded, ct);
            logger.CaseChanged(caseId, patientId, discharged is null ? "admission recorded" : "discharge recorded");
            return c;
        }
    }
}
