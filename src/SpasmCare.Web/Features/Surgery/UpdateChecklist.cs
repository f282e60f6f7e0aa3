using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Record the pre-operative checklist; the case becomes ready for surgery when it is complete.</summary>
public static class UpdateChecklist
{
    public sealed class Request : IValidatableObject
    {
        public Guid Version { get; set; }

        [Display(Name = "The imaging shows the neurovascular contact")]
        public bool ImagingShowsContact { get; set; }

        [Display(Name = "Audiogram date")]
        public DateOnly? AudiogramOn { get; set; }

        [StringLength(MvdCase.TextMax, ErrorMessage = "The audiogram result can be at most {1} characters.")]
        [Display(Name = "Audiogram result")]
        public string? AudiogramResult { get; set; }

        [Display(Name = "Baseline BAEP date")]
        public DateOnly? BaepBaselineOn { get; set; }

        [Display(Name = "Found fit for anaesthesia on")]
        public DateOnly? AnaesthesiaFitOn { get; set; }

        [StringLength(MvdCase.TextMax, ErrorMessage = "The anaesthesia note can be at most {1} characters.")]
        [Display(Name = "Anaesthesia note")]
        public string? AnaesthesiaNote { get; set; }

        [Display(Name = "Consent taken on")]
        public DateOnly? ConsentOn { get; set; }

        [StringLength(MvdCase.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Consent taken by")]
        public string? ConsentTakenBy { get; set; }

        [Display(Name = "Risks discussed")]
        public List<MvdConsentRisks> Risks { get; set; } = [];

        [StringLength(MvdCase.TextMax, ErrorMessage = "The medications to stop can be at most {1} characters.")]
        [Display(Name = "Medications to stop")]
        public string? MedicationsToStop { get; set; }

        [Display(Name = "Medications reviewed")]
        public bool MedicationsReviewed { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Risks.Any(r => !PathwayLabels.RiskChoices.Contains(r)))
            {
                yield return new ValidationResult("Choose risks from the list.", [nameof(Risks)]);
            }

            if (validationContext.GetService(typeof(ClinicTime)) is not ClinicTime clock)
            {
                yield break;
            }

            foreach (var (date, field, what) in new (DateOnly?, string, string)[]
            {
                (AudiogramOn, nameof(AudiogramOn), "audiogram"),
                (BaepBaselineOn, nameof(BaepBaselineOn), "BAEP"),
                (AnaesthesiaFitOn, nameof(AnaesthesiaFitOn), "anaesthesia review"),
                (ConsentOn, nameof(ConsentOn), "consent"),
            })
            {
                if (date > clock.Today)
                {
                    yield return new ValidationResult($"The date of the {what} cannot be in the future.", [field]);
                }
            }
        }

        public static Request From(MvdCase c) => new()
        {
            Version = c.Version,
            ImagingShowsContact = c.ImagingShowsContact,
            AudiogramOn = c.AudiogramOn,
            AudiogramResult = c.AudiogramResult,
            BaepBaselineOn = c.BaepBaselineOn,
            AnaesthesiaFitOn = c.AnaesthesiaFitOn,
            AnaesthesiaNote = c.AnaesthesiaNote,
            ConsentOn = c.ConsentOn,
            ConsentTakenBy = c.ConsentTakenBy,
            Risks = PathwayLabels.RiskChoices.Where(r => c.RisksDiscussed.HasFlag(r)).ToList(),
            MedicationsToStop = c.MedicationsToStop,
            MedicationsReviewed = c.MedicationsReviewed,
        };
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        /// <returns>The case, or null when the patient has no such case.</returns>
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, AuditAction.MvdChecklistUpdated, ct);
            MvdCaseRules.NotCancelled(c);
            if (!MvdCaseRules.BeforeOperation(c.Status))
            {
                throw new RuleException("mvd.operated", "The operation is recorded; the pre-operative checklist can no longer be changed.");
            }

            c.ImagingShowsContact = request.ImagingShowsContact;
            c.AudiogramOn = request.AudiogramOn;
            c.AudiogramResult = MvdCaseRules.Clean(request.AudiogramResult);
            c.BaepBaselineOn = request.BaepBaselineOn;
            c.AnaesthesiaFitOn = request.AnaesthesiaFitOn;
            c.AnaesthesiaNote = MvdCaseRules.Clean(request.AnaesthesiaNote);
            c.ConsentOn = request.ConsentOn;
            c.ConsentTakenBy = MvdCaseRules.Clean(request.ConsentTakenBy);
            c.RisksDiscussed = request.Risks.Aggregate(MvdConsentRisks.None, (all, r) => all | r);
            c.MedicationsToStop = MvdCaseRules.Clean(request.MedicationsToStop);
            c.MedicationsReviewed = request.MedicationsReviewed;

            // A booked case keeps its booking when a gap appears; the case page then warns that it is not ready.
            if (c.Status != MvdCaseStatus.Booked)
            {
                c.Status = MvdCaseRules.UnbookedStatus(c);
            }

            if (!db.ChangeTracker.HasChanges())
            {
                return c;
            }

            audit.Record(AuditAction.MvdChecklistUpdated, MvdCaseRules.Subject, caseId.ToString(), patientId);
            await CaseSaves.SaveAsync(db, audit, logger, c, AuditAction.MvdChecklistUpdated, ct);
            logger.CaseChanged(caseId, patientId, "checklist " + (MvdCaseRules.ReadinessOf(c) == Readiness.NotReady ? "incomplete" : "ready"));
            return c;
        }
    }
}
