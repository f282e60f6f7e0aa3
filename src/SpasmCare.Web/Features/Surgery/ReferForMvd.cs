using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>A doctor refers a patient for microvascular decompression, or for a redo of an earlier operation.</summary>
public static class ReferForMvd
{
    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Enter the indication for surgery.")]
        [StringLength(MvdCase.TextMax, ErrorMessage = "The indication can be at most {1} characters.")]
        [Display(Name = "Indication")]
        public string? Indication { get; set; }

        [Display(Name = "Side to operate")]
        public AffectedSide Side { get; set; }

        [Range(1, 4, ErrorMessage = "Enter an SMC grade from {1} to {2}.")]
        [Display(Name = "SMC grade")]
        public int? SmcGrade { get; set; }

        [Range(0, 28, ErrorMessage = "Enter an HFS-7 score from {1} to {2}.")]
        [Display(Name = "HFS-7 score")]
        public decimal? Hfs7 { get; set; }

        [Display(Name = "Imaging study")]
        public Guid? ImagingStudyId { get; set; }

        /// <summary>The earlier case this one redoes (from <c>?redoOf=</c>).</summary>
        public Guid? RedoOfCaseId { get; set; }

        [EnumDataType(typeof(RedoCause), ErrorMessage = "Choose a cause from the list.")]
        [Display(Name = "Cause of the recurrence or failure")]
        public RedoCause RedoCause { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!PathwayLabels.SideChoices.Contains(Side))
            {
                yield return new ValidationResult("Choose the side to operate.", [nameof(Side)]);
            }

            if (RedoOfCaseId is null && RedoCause != RedoCause.Unknown)
            {
                yield return new ValidationResult("A cause applies only to a redo operation.", [nameof(RedoCause)]);
            }
        }
    }

    /// <summary>What the referral form starts from: the latest SMC grade and HFS-7, and the patient's imaging.</summary>
    public sealed record Defaults(int? SmcGrade, DateTime? SmcAtUtc, decimal? Hfs7, DateTime? Hfs7AtUtc,
        IReadOnlyList<StudyChoice> Studies, ReferralRedo? Redo);

    public sealed record StudyChoice(Guid Id, DateOnly StudyDate, string Finding, AffectedSide ContactSide);

    public sealed record ReferralRedo(Guid CaseId, DateOnly? OperatedOn, AffectedSide Side);

    public static async Task<Defaults> DefaultsAsync(SpasmCareDbContext db, Guid patientId, Guid? redoOf, CancellationToken ct)
    {
        var smc = await LatestAsync(db, patientId, "SMC", ct);
        var hfs7 = await LatestAsync(db, patientId, "HFS7", ct);
        var studies = await db.ImagingStudies.AsNoTracking()
            .Where(s => s.PatientId == patientId && !s.EnteredInError)
            .OrderByDescending(s => s.StudyDate).ThenByDescending(s => s.CreatedAtUtc)
            .ToListAsync(ct);
        ReferralRedo? redo = null;
        if (redoOf is { } earlierId)
        {
            redo = await RedoOfAsync(db, patientId, earlierId, ct);
        }

        return new Defaults(
            smc is null ? null : (int)smc.Value.Total, smc?.At, hfs7?.Total, hfs7?.At,
            studies.Select(s => new StudyChoice(s.Id, s.StudyDate, Finding(s), s.ContactSide)).ToList(), redo);
    }

    /// <summary>The imaging finding in words, as the referral keeps it: contact, side, vessels, site.</summary>
    public static string Finding(ImagingStudy s)
    {
        var parts = new List<string> { WorkupLabels.Of(s.Modality) + " of " + WorkupLabels.Date(s.StudyDate) };
        parts.Add(s.NeurovascularContact switch
        {
            true => "neurovascular contact " + WorkupLabels.Of(s.ContactSide).ToLowerInvariant(),
            false => "no neurovascular contact seen",
            null => "neurovascular contact not reported",
        });
        if (s.NeurovascularContact == true)
        {
            if (s.Vessels != OffendingVessels.None)
            {
                parts.Add(WorkupLabels.Of(s.Vessels));
            }

            if (s.ContactSite != ContactSite.Unknown)
            {
                parts.Add(WorkupLabels.Of(s.ContactSite).ToLowerInvariant());
            }

            if (s.CompressionSites is { } n)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " compression site" : " compression sites"));
            }

            if (s.Indentation == true)
            {
                parts.Add("indentation");
            }
        }

        return string.Join("; ", parts);
    }

    private static async Task<(decimal Total, DateTime At)?> LatestAsync(SpasmCareDbContext db, Guid patientId, string code, CancellationToken ct)
    {
        var latest = await db.ScaleScores.AsNoTracking()
            .Where(s => s.PatientId == patientId && s.InstrumentCode == code && s.SupersededBy == null && s.Total != null)
            .Where(s => s.VisitId == null || !db.Visits.Any(v => v.Id == s.VisitId && v.EnteredInError))
            .Select(s => new { s.Total, s.AssessedAtUtc, s.RecordedAtUtc })
            .ToListAsync(ct);
        var newest = latest.OrderByDescending(s => s.AssessedAtUtc).ThenByDescending(s => s.RecordedAtUtc).FirstOrDefault();
        return newest is null ? null : (newest.Total!.Value, newest.AssessedAtUtc);
    }

    private static async Task<ReferralRedo?> RedoOfAsync(SpasmCareDbContext db, Guid patientId, Guid caseId, CancellationToken ct)
    {
        var earlier = await db.MvdCases.AsNoTracking()
            .Where(c => c.Id == caseId && c.PatientId == patientId)
            .Select(c => new { c.Id, c.Side, c.Status, c.HospitalSiteId })
            .FirstOrDefaultAsync(ct);
        if (earlier is null || !MvdCaseRules.Operated(earlier.Status))
        {
            return null;
        }

        var started = await db.MvdOperations.AsNoTracking().Where(o => o.CaseId == caseId).Select(o => (DateTime?)o.StartedAtUtc).FirstOrDefaultAsync(ct);
        var zone = await MvdCaseRules.HospitalZoneAsync(db, earlier.HospitalSiteId, ct);
        return new ReferralRedo(earlier.Id, started is { } s ? DateOnly.FromDateTime(MvdCaseRules.ToLocal(s, zone)) : null, earlier.Side);
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, VisitClinicians users, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The new case, or null when there is no such patient.</returns>
        public async Task<MvdCase?> HandleAsync(Guid patientId, Request request, CancellationToken ct)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            {
                return null;
            }

            var open = await db.MvdCases.AsNoTracking()
                .AnyAsync(c => c.PatientId == patientId
                    && (c.Status == MvdCaseStatus.Referred || c.Status == MvdCaseStatus.ReadyForSurgery || c.Status == MvdCaseStatus.Booked), ct);
            if (open)
            {
                throw new RuleException("mvd.open-case",
                    "This patient already has an MVD case waiting for surgery. Carry on with that case, or cancel it first.");
            }

            ImagingStudy? study = null;
            if (request.ImagingStudyId is { } studyId)
            {
                study = await db.ImagingStudies.AsNoTracking()
                    .FirstOrDefaultAsync(s => s.Id == studyId && s.PatientId == patientId && !s.EnteredInError, ct)
                    ?? throw new RuleException("mvd.imaging", "Choose one of this patient's imaging studies.", nameof(Request.ImagingStudyId));
            }

            if (request.RedoOfCaseId is { } redoOf && await RedoOfAsync(db, patientId, redoOf, ct) is null)
            {
                throw new RuleException("mvd.redo-of",
                    "A redo must follow an earlier operated case of this patient.", nameof(Request.RedoOfCaseId));
            }

            var mvdCase = new MvdCase
            {
                PatientId = patientId,
                Status = MvdCaseStatus.Referred,
                Side = request.Side,
                ReferredAtUtc = Clock.UtcNow(time),
                ReferredBy = users.CurrentId() ?? Guid.Empty,
                ReferredByName = users.CurrentName(),
                Indication = request.Indication!.Trim(),
                SmcGradeAtReferral = request.SmcGrade,
                Hfs7AtReferral = request.Hfs7,
                ImagingStudyId = study?.Id,
                ImagingFinding = study is null ? null : Finding(study),
                RedoOfCaseId = request.RedoOfCaseId,
                RedoCause = request.RedoOfCaseId is null ? RedoCause.Unknown : request.RedoCause,
            };
            db.MvdCases.Add(mvdCase);
            audit.Record(AuditAction.MvdReferred, MvdCaseRules.Subject, mvdCase.Id.ToString(), patientId);
            await db.SaveChangesAsync(ct);
            logger.CaseChanged(mvdCase.Id, patientId, "referred");
            return mvdCase;
        }
    }
}
