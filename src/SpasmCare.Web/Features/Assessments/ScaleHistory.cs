using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>
/// A patient's scale scores for display: per instrument over time with the change between results (the patient
/// page's Outcomes card, the history page and their charts), the scores of one visit, and one score in full.
/// Amended scores are left out of series; their corrections stand in their place.
/// </summary>
public static class ScaleHistory
{
    /// <summary>One current score as a row of a series. <see cref="Change"/> compares it with the previous total.</summary>
    public sealed record Row(
        Guid Id, string Code, string Version, DateTime AssessedAtUtc, decimal? Total, ScoreStatus Status, int MissingCount,
        string RaterName, RatingMode Mode, Guid? VisitId, Guid? Amends, string TotalText, string StatusText,
        ScoreChange? Change, string? ChangeText);

    /// <summary>
    /// One instrument's current scores, oldest first, under the name of its newest version. The latest row with a
    /// total carries the change since the previous total.
    /// </summary>
    public sealed record Series(string Code, string Name, InstrumentDefinition Definition, IReadOnlyList<Row> Rows)
    {
        public Row Latest => Rows[^1];

        public Row? LatestWithTotal => Rows.LastOrDefault(r => r.Total is not null);
    }

    /// <summary>What the Outcomes card and the history page show.</summary>
    public sealed record Outcomes(Guid PatientId, IReadOnlyList<Series> Series, IReadOnlyList<InstrumentChoice> Choices)
    {
        public bool HasScores => Series.Count > 0;
    }

    /// <summary>The model of <c>Pages/Shared/_VisitScales.cshtml</c>: the current scores recorded at one visit.</summary>
    public sealed record VisitScales(
        Guid PatientId, Guid VisitId, IReadOnlyList<Row> Scores, IReadOnlyDictionary<string, string> Names,
        IReadOnlyList<InstrumentChoice> Choices);

    /// <summary>One score in full, for its own page. <see cref="IsOffered"/>: its version is the one offered for new scores.</summary>
    public sealed record Details(
        ScaleScore Score, InstrumentDefinition Definition, ScoreStatus Status,
        IReadOnlyList<(ItemDefinition Item, string Answer)> Items,
        IReadOnlyList<(SubscaleDefinition Subscale, decimal? Score)> Subscales,
        string? AmendedByName, DateTime? AmendedAtUtc, bool IsOffered);

    /// <summary>Who the scale pages are about, for their headings.</summary>
    public sealed record Patient(Guid Id, string Name, string Mrn);

    public sealed class Query(SpasmCareDbContext db, InstrumentLibrary library, AuditLog audit, ClinicTime clock)
    {
        /// <summary>The patient's name and MRN for a heading; null when unknown. Not audited: the caller records its read.</summary>
        public async Task<Patient?> PatientAsync(Guid patientId, CancellationToken ct)
        {
            var p = await db.Patients.AsNoTracking()
                .Where(p => p.Id == patientId)
                .Select(p => new { p.GivenName, p.FamilyName, p.Mrn })
                .FirstOrDefaultAsync(ct);
            return p is null ? null : new Patient(patientId, Patients.PatientFormats.FullName(p.GivenName, p.FamilyName), p.Mrn);
        }

        /// <summary>When a visit of the patient started; null when it is unknown, another patient's or entered in error.</summary>
        public async Task<DateTime?> VisitStartAsync(Guid patientId, Guid visitId, CancellationToken ct) =>
            await db.Visits.AsNoTracking()
                .Where(v => v.Id == visitId && v.PatientId == patientId && !v.EnteredInError)
                .Select(v => (DateTime?)v.StartedAtUtc)
                .FirstOrDefaultAsync(ct);

        /// <summary>Every instrument the patient has current scores of, with the change of each; audited when any.</summary>
        public async Task<Outcomes> OutcomesAsync(Guid patientId, CancellationToken ct)
        {
            // Scores recorded at a visit later marked "entered in error" (say, on the wrong patient) do not count.
            var scores = await db.ScaleScores.AsNoTracking()
                .Where(s => s.PatientId == patientId && s.SupersededBy == null)
                .Where(s => s.VisitId == null || !db.Visits.Any(v => v.Id == s.VisitId && v.EnteredInError))
                .ToListAsync(ct);
            var choices = await library.ChoicesAsync(ct);
            if (scores.Count == 0)
            {
                return new Outcomes(patientId, [], choices);
            }

            audit.Read(AuditAction.ScaleScoreRead, patientId, "Patient");
            var definitions = await library.VersionsAsync(scores.Select(s => (s.InstrumentCode, s.InstrumentVersion)), ct);
            var series = scores
                .GroupBy(s => s.InstrumentCode, StringComparer.Ordinal)
                .OrderBy(g => InstrumentLibrary.Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => ToSeries(g.ToList(), definitions, choices))
                .ToList();
            return new Outcomes(patientId, series, choices);
        }

        /// <summary>The current scores recorded at a visit of the patient; audited when any.</summary>
        public async Task<VisitScales> ForVisitAsync(Guid patientId, Guid visitId, CancellationToken ct)
        {
            var scores = await db.ScaleScores.AsNoTracking()
                .Where(s => s.PatientId == patientId && s.VisitId == visitId && s.SupersededBy == null)
                .OrderBy(s => s.AssessedAtUtc)
                .ToListAsync(ct);
            var choices = await library.ChoicesAsync(ct);
            if (scores.Count > 0)
            {
                audit.Read(AuditAction.ScaleScoreRead, patientId, "Visit", visitId.ToString());
            }

            var definitions = await library.VersionsAsync(scores.Select(s => (s.InstrumentCode, s.InstrumentVersion)), ct);
            var rows = scores.Select(s => ToRow(s, definitions[(s.InstrumentCode, s.InstrumentVersion)], null, null)).ToList();
            var names = scores.Select(s => definitions[(s.InstrumentCode, s.InstrumentVersion)])
                .DistinctBy(d => d.Code)
                .ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
            return new VisitScales(patientId, visitId, rows, names, choices);
        }

        /// <summary>One score of the patient, amended or not, with its items; null when unknown. Audited.</summary>
        public async Task<Details?> ScoreAsync(Guid patientId, Guid id, CancellationToken ct)
        {
            var score = await db.ScaleScores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.PatientId == patientId, ct);
            if (score is null)
            {
                return null;
            }

            audit.Read(AuditAction.ScaleScoreRead, patientId, "ScaleScore", id.ToString());
            var definition = await library.FindAsync(score.InstrumentCode, score.InstrumentVersion, ct)
                ?? throw new InvalidOperationException($"Score {id} names an instrument version that is not stored.");
            var answers = score.ReadAnswers();
            var items = definition.Items
                .Select(i => (i, ScaleFormats.Answer(i, answers.GetValueOrDefault(i.Code) ?? "")))
                .ToList();
            var subscaleScores = score.ReadSubscales();
            var subscales = definition.Subscales
                .Select(s => (s, subscaleScores.TryGetValue(s.Code, out var v) ? v : (decimal?)null))
                .ToList();
            string? amendedBy = null;
            DateTime? amendedAt = null;
            if (score.SupersededBy is { } newer)
            {
                var next = await db.ScaleScores.AsNoTracking()
                    .Where(s => s.Id == newer)
                    .Select(s => new { s.RaterName, s.RecordedAtUtc })
                    .FirstAsync(ct);
                (amendedBy, amendedAt) = (next.RaterName, next.RecordedAtUtc);
            }

            var offered = (await library.ChoicesAsync(ct))
                .Any(c => c.Code == score.InstrumentCode && c.Version == score.InstrumentVersion);
            return new Details(score, definition, ScaleFormats.ParseStatus(score.Status), items, subscales, amendedBy, amendedAt, offered);
        }

        private Series ToSeries(
            List<ScaleScore> scores, Dictionary<(string Code, string Version), InstrumentDefinition> definitions,
            IReadOnlyList<InstrumentChoice> choices)
        {
            var ordered = scores.OrderBy(s => s.AssessedAtUtc).ThenBy(s => s.RecordedAtUtc).ToList();
            var rows = new List<Row>(ordered.Count);
            (ScaleScore Score, InstrumentDefinition Definition)? previous = null;
            foreach (var score in ordered)
            {
                var definition = definitions[(score.InstrumentCode, score.InstrumentVersion)];
                rows.Add(ToRow(score, definition, previous?.Score, previous?.Definition));
                if (score.Total is not null)
                {
                    previous = (score, definition);
                }
            }

            var code = ordered[0].InstrumentCode;
            var newest = definitions[(ordered[^1].InstrumentCode, ordered[^1].InstrumentVersion)];
            var name = choices.FirstOrDefault(c => c.Code == code)?.Name ?? newest.Name;
            return new Series(code, name, newest, rows);
        }

        private Row ToRow(ScaleScore score, InstrumentDefinition definition, ScaleScore? previous, InstrumentDefinition? previousDefinition)
        {
            var status = ScaleFormats.ParseStatus(score.Status);
            var missing = score.ReadAnswers().Values.Count(string.IsNullOrEmpty);
            ScoreChange? change = null;
            string? changeText = null;
            if (score.Total is not null && previous is not null && previousDefinition is not null)
            {
                change = ScoreChange.Between(definition, Result(previous, previousDefinition), Result(score, definition));
                changeText = ScaleFormats.Change(change, clock.Local(previous.AssessedAtUtc));
            }

            return new Row(
                score.Id, score.InstrumentCode, score.InstrumentVersion, score.AssessedAtUtc, score.Total, status, missing,
                score.RaterName, score.Mode, score.VisitId, score.Amends,
                ScaleFormats.Total(definition, score.Total), ScaleFormats.Status(status, missing), change, changeText);
        }

        private static ScaleResult Result(ScaleScore score, InstrumentDefinition definition) =>
            new(definition.Code, score.InstrumentVersion, ScaleFormats.ParseStatus(score.Status), score.Total, [], [], [], []);
    }
}
