using System.Text.Json;
using SpasmCare.Clinical;
using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// Record a rating scale or questionnaire for a patient, or amend one. Scoring is
/// <see cref="ScaleScorer.Score"/>'s: an invalid answer saves nothing; an incomplete set is saved without a total.
/// An amendment is a new row that <see cref="ScaleScore.Amends"/> the earlier one, which is kept and marked
/// <see cref="ScaleScore.SupersededBy"/>; of two people amending the same score, the second is told and saves nothing.
/// </summary>
public static class ScaleRecording
{
    public sealed class Request : IValidatableObject
    {
        /// <summary>Item code → "3", "NA" or empty (not answered), as the form posts them.</summary>
        public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);

        [Required(ErrorMessage = "Choose how the rating was made.")]
        [Display(Name = "How it was rated")]
        public RatingMode? Mode { get; set; }

        /// <summary>Local time at the clinic (the form's date and time field).</summary>
        [Required(ErrorMessage = "Enter the date and time of the assessment.")]
        [Display(Name = "Assessed on")]
        public DateTime? AssessedAt { get; set; }

        /// <summary>The instrument version the form was made from, so the answers are scored against what was shown.</summary>
        [StringLength(InstrumentRecord.VersionMax)]
        public string Version { get; set; } = "";

        public Guid? VisitId { get; set; }

        [StringLength(Visit.ReasonMax, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason for the amendment")]
        public string? Reason { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Mode is { } mode && !Enum.IsDefined(mode))
            {
                yield return new ValidationResult("Choose how the rating was made.", [nameof(Mode)]);
            }
        }
    }

    /// <summary>Who rated: the signed-in clinician.</summary>
    public sealed record Rater(Guid Id, string Name)
    {
        /// <summary>The signed-in user as rater (display name when there is one); null when not signed in.</summary>
        public static Rater? Of(System.Security.Claims.ClaimsPrincipal user) =>
            Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id)
                ? new Rater(id, user.FindFirst(AppClaimsFactory.DisplayName)?.Value ?? user.Identity?.Name ?? "")
                : null;
    }

    /// <summary>Another amendment of the same score was saved first.</summary>
    public sealed record AmendConflict(Guid CurrentId, string AmendedBy, DateTime AmendedAtUtc);

    /// <summary>
    /// What happened: <see cref="Saved"/>, or <see cref="Errors"/> (field is a path under the request, such as
    /// <c>Answers[Q3]</c> or <c>AssessedAt</c>; empty for the whole form), or a <see cref="Conflict"/>, or not found.
    /// </summary>
    public sealed record Outcome(ScaleScore? Saved, IReadOnlyList<FieldError> Errors, AmendConflict? Conflict = null)
    {
        public bool NotFound => Saved is null && Errors.Count == 0 && Conflict is null;
    }

    /// <summary>The form key of an item's answer, e.g. <c>Answers[Q3]</c>.</summary>
    public static string AnswerField(string itemCode) => $"{nameof(Request.Answers)}[{itemCode}]";

    /// <summary>Reads the posted answers and scores them: the result, the answers as read, and errors by item.</summary>
    public static (ScaleResult Result, Dictionary<string, ItemAnswer> Answers, List<FieldError> Errors) Check(
        InstrumentDefinition definition, IReadOnlyDictionary<string, string?> posted)
    {
        var answers = new Dictionary<string, ItemAnswer>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var (code, text) in posted)
        {
            if (ItemAnswer.TryParse(text, out var answer))
            {
                if (answer.Kind != AnswerKind.Missing)
                {
                    answers[code] = answer;
                }
            }
            else
            {
                var label = definition.FindItem(code)?.Label ?? code;
                errors.Add(new(AnswerField(code), $"{label}: choose one of the answers shown."));
            }
        }

        var result = ScaleScorer.Score(definition, answers);
        errors.AddRange(result.Errors.Select(e => definition.FindItem(e.Field) is null
            ? new FieldError("", e.Message)
            : new FieldError(AnswerField(e.Field), e.Message)));
        return (result, answers, errors);
    }

    public sealed class Handler(
        SpasmCareDbContext db, InstrumentLibrary library, AuditLog audit, TimeProvider time, ClinicTime clock,
        ILogger<Handler> logger)
    {
        /// <summary>Scores and saves a new result of <paramref name="code"/>; not found when the patient is unknown.</summary>
        public async Task<Outcome> RecordAsync(Guid patientId, string code, Request request, Rater rater, CancellationToken ct)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
            {
                return new Outcome(null, []);
            }

            var errors = new List<FieldError>();
            var definition = await library.FindAsync(code, request.Version, ct);
            if (definition is null || !await library.IsActiveAsync(code, request.Version, ct))
            {
                errors.Add(new("", "The version of this instrument that the form was made from is no longer offered. The form now shows the current version: check the answers and save again."));
                return new Outcome(null, errors);
            }

            if (request.VisitId is { } visitId
                && !await db.Visits.AnyAsync(v => v.Id == visitId && v.PatientId == patientId && !v.EnteredInError, ct))
            {
                errors.Add(new(nameof(Request.VisitId), "That visit is not one of this patient's visits."));
            }

            var score = Build(patientId, definition, request, rater, errors, amends: null);
            if (score is null)
            {
                return new Outcome(null, errors);
            }

            db.ScaleScores.Add(score);
            audit.Record(AuditAction.ScaleScoreRecorded, "ScaleScore", score.Id.ToString(), patientId,
                detail: $"{score.InstrumentCode} {score.InstrumentVersion}");
            await db.SaveChangesAsync(ct);
            logger.ScaleScoreRecorded(score.Id, score.InstrumentCode, patientId);
            return new Outcome(score, []);
        }

        /// <summary>
        /// Saves a corrected copy of score <paramref name="id"/> (same instrument version and visit) and marks the
        /// earlier one superseded. A conflict when it was amended meanwhile; not found when unknown.
        /// </summary>
        public async Task<Outcome> AmendAsync(Guid patientId, Guid id, Request request, Rater rater, CancellationToken ct)
        {
            var original = await db.ScaleScores.FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
            if (original is null)
            {
                return new Outcome(null, []);
            }

            if (original.SupersededBy is { } newer)
            {
                logger.ScaleScoreAmendConflict(id);
                return new Outcome(null, [], await ConflictAsync(newer, ct));
            }

            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < 3)
            {
                errors.Add(new(nameof(Request.Reason), "Say why the score is amended, such as \"item 3 entered as 4, patient said 2\"."));
            }

            var definition = await library.FindAsync(original.InstrumentCode, original.InstrumentVersion, ct)
                ?? throw new InvalidOperationException($"Score {id} names an instrument version that is not stored.");
            var score = Build(patientId, definition, request, rater, errors, original);
            if (score is null)
            {
                return new Outcome(null, errors);
            }

            original.SupersededBy = score.Id;
            db.ScaleScores.Add(score);
            audit.Record(AuditAction.ScaleScoreAmended, "ScaleScore", score.Id.ToString(), patientId,
                detail: $"amends {original.Id}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Lost the race: someone else's amendment of the same score was saved between our read and write.
                db.ChangeTracker.Clear();
                logger.ScaleScoreAmendConflict(id);
                var current = await db.ScaleScores.AsNoTracking().Where(s => s.Id == id).Select(s => s.SupersededBy).FirstAsync(ct);
                return new Outcome(null, [], await ConflictAsync(current!.Value, ct));
            }

            logger.ScaleScoreAmended(original.Id, score.Id);
            return new Outcome(score, []);
        }

        private ScaleScore? Build(
            Guid patientId, InstrumentDefinition definition, Request request, Rater rater, List<FieldError> errors,
            ScaleScore? amends)
        {
            var (result, answers, itemErrors) = Check(definition, request.Answers);
            errors.AddRange(itemErrors);

            DateTime? assessedAtUtc = null;
            if (request.AssessedAt is { } local)
            {
                assessedAtUtc = clock.LocalToUtc(local);
                if (assessedAtUtc is null)
                {
                    errors.Add(new(nameof(Request.AssessedAt), "That time does not exist at the clinic (a clock change); enter another."));
                }
                else if (assessedAtUtc > Clock.UtcNow(time).AddMinutes(5))
                {
                    errors.Add(new(nameof(Request.AssessedAt), "The assessment cannot be in the future."));
                }
                else if (assessedAtUtc < new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc))
                {
                    errors.Add(new(nameof(Request.AssessedAt), "Enter the date of the assessment (the year looks wrong)."));
                }
            }
            else
            {
                errors.Add(new(nameof(Request.AssessedAt), "Enter the date and time of the assessment."));
            }

            if (request.Mode is not { } mode || !Enum.IsDefined(mode))
            {
                errors.Add(new(nameof(Request.Mode), "Choose how the rating was made."));
                return null;
            }

            if (errors.Count > 0 || result.Status == ScoreStatus.Invalid)
            {
                return null;
            }

            // Every item, in the definition's order; missing ones as "" so the stored row shows what was skipped.
            var stored = definition.Items.ToDictionary(
                i => i.Code, i => answers.GetValueOrDefault(i.Code).ToString(), StringComparer.Ordinal);
            var subscales = result.Subscales
                .Where(s => s.Score is not null)
                .ToDictionary(s => s.Code, s => Round(s.Score!.Value), StringComparer.Ordinal);
            return new ScaleScore
            {
                PatientId = patientId,
                VisitId = amends is null ? request.VisitId : amends.VisitId,
                InstrumentCode = definition.Code,
                InstrumentVersion = definition.Version,
                Answers = JsonSerializer.Serialize(stored),
                Total = result.Total is { } total ? Round(total) : null,
                Status = result.Status.ToString(),
                Subscales = JsonSerializer.Serialize(subscales),
                RaterId = rater.Id,
                RaterName = rater.Name.Length > 256 ? rater.Name[..256] : rater.Name,
                Mode = mode,
                AssessedAtUtc = assessedAtUtc!.Value,
                RecordedAtUtc = Clock.UtcNow(time),
                Amends = amends?.Id,
                AmendmentReason = amends is null ? null : request.Reason!.Trim(),
            };
        }

        private async Task<AmendConflict> ConflictAsync(Guid currentId, CancellationToken ct)
        {
            var current = await db.ScaleScores.AsNoTracking()
                .Where(s => s.Id == currentId)
                .Select(s => new { s.Id, s.RaterName, s.RecordedAtUtc })
                .FirstAsync(ct);
            return new AmendConflict(current.Id, current.RaterName, current.RecordedAtUtc);
        }

        // Stored with 3 decimals on both providers (numeric(9,3)); a BSDI mean of 13/6 is kept as 2.167.
        private static decimal Round(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
    }
}
