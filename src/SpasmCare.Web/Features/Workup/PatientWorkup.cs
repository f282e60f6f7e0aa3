using System.Globalization;
using SpasmCare.Clinical.Diagnoses;

namespace SpasmCare.Web.Features.Workup;

/// <summary>A patient's diagnoses and investigations as the patient page shows them (clinical staff only).</summary>
public sealed record PatientWorkup(
    IReadOnlyList<PatientWorkup.DiagnosisItem> CurrentDiagnoses,
    IReadOnlyList<PatientWorkup.DiagnosisItem> EndedDiagnoses,
    IReadOnlyList<PatientWorkup.ImagingItem> Imaging,
    IReadOnlyList<PatientWorkup.ElectrophysiologyItem> Electrophysiology)
{
    public sealed record DiagnosisItem(
        Guid Id, string Line, ClinicalCondition Condition, string? Icd10, string? Icd10Cm, string? SnomedCt, DateOnly? OnsetDate,
        string? Note, bool EnteredInError, string? EndedReason, DateTime RecordedAtUtc, DateTime UpdatedAtUtc);

    public sealed record ImagingItem(
        Guid Id, DateOnly StudyDate, string Modality, string? Centre, string Sequences, string Contact, string? OtherFindings,
        string? Impression, ReportItem? Report, bool EnteredInError, string? EnteredInErrorReason);

    public sealed record ReportItem(Guid Id, string FileName, string Size);

    public sealed record ElectrophysiologyItem(
        Guid Id, DateOnly StudyDate, string LateralSpread, string BlinkReflex, string? Note, bool EnteredInError, string? EnteredInErrorReason);

    /// <summary>The header line: current diagnoses with their codes.</summary>
    public IEnumerable<string> HeaderLines => CurrentDiagnoses.Select(d => d.Line);

    public sealed class Query(SpasmCareDbContext db)
    {
        /// <summary>Reads the workup of a patient the caller has already loaded (and whose read is already audited).</summary>
        public async Task<PatientWorkup> LoadAsync(Guid patientId, CancellationToken ct)
        {
            var diagnoses = await db.Diagnoses.AsNoTracking().Where(d => d.PatientId == patientId).ToListAsync(ct);
            var imaging = await db.ImagingStudies.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(ct);
            var reportIds = imaging.Where(s => s.ReportDocumentId is not null).Select(s => s.ReportDocumentId!.Value).ToList();
            var reports = reportIds.Count == 0
                ? []
                : await db.PatientDocuments.AsNoTracking()
                    .Where(d => d.PatientId == patientId && reportIds.Contains(d.Id))
                    .ToDictionaryAsync(d => d.Id, ct);
            var electrophysiology = await db.ElectrophysiologyStudies.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(ct);

            return new PatientWorkup(
                diagnoses.Where(d => d.IsCurrent)
                    .OrderByDescending(d => d.Certainty).ThenBy(d => d.CreatedAtUtc)
                    .Select(Item).ToList(),
                diagnoses.Where(d => !d.IsCurrent).OrderByDescending(d => d.UpdatedAtUtc).Select(Item).ToList(),
                imaging.OrderByDescending(s => s.StudyDate).ThenByDescending(s => s.CreatedAtUtc)
                    .Select(s => Item(s, s.ReportDocumentId is { } r && reports.TryGetValue(r, out var doc) ? doc : null)).ToList(),
                electrophysiology.OrderByDescending(s => s.StudyDate).ThenByDescending(s => s.CreatedAtUtc).Select(Item).ToList());
        }
    }

    private static DiagnosisItem Item(PatientDiagnosis d) => new(
        d.Id,
        DiagnosisInput.Line(d.Condition, d.Side, d.Certainty, d.Etiology, d.Cause, d.CauseDetail, d.Icd10Cm, d.Icd10),
        d.Condition, d.Icd10, d.Icd10Cm, d.SnomedCt, d.OnsetDate, d.Note, d.EnteredInError, d.EndedReason, d.CreatedAtUtc, d.UpdatedAtUtc);

    private static ImagingItem Item(ImagingStudy s, PatientDocument? report)
    {
        var other = new List<string>();
        if (s.VertebralDolichoectasia == true)
        {
            other.Add("Vertebral artery dolichoectasia");
        }

        if (!string.IsNullOrWhiteSpace(s.OtherLesion))
        {
            other.Add("Other lesion: " + s.OtherLesion);
        }

        return new ImagingItem(
            s.Id, s.StudyDate, WorkupLabels.Of(s.Modality), s.Centre,
            s.Sequences == ImagingSequences.None ? "—" : WorkupLabels.Of(s.Sequences),
            Contact(s), other.Count == 0 ? null : string.Join("; ", other), s.Impression,
            report is null ? null : new ReportItem(report.Id, report.FileName, WorkupLabels.Size(report.SizeBytes)),
            s.EnteredInError, s.EnteredInErrorReason);
    }

    /// <summary>E.g. "Contact: left, root exit zone · AICA, PICA · 2 compression sites · indentation".</summary>
    public static string Contact(ImagingStudy s)
    {
        if (s.NeurovascularContact != true)
        {
            return s.NeurovascularContact == false ? "No neurovascular contact" : "Contact not reported";
        }

        var where = new List<string>();
        if (s.ContactSide != Clinical.Examination.AffectedSide.Unknown)
        {
            where.Add(WorkupLabels.Of(s.ContactSide).ToLowerInvariant());
        }

        if (s.ContactSite != ContactSite.Unknown)
        {
            where.Add(WorkupLabels.Of(s.ContactSite).ToLowerInvariant());
        }

        var parts = new List<string> { where.Count == 0 ? "Contact" : "Contact: " + string.Join(", ", where) };
        if (s.Vessels != OffendingVessels.None)
        {
            parts.Add(WorkupLabels.Of(s.Vessels));
        }

        if (s.CompressionSites is { } sites)
        {
            parts.Add(sites.ToString(CultureInfo.InvariantCulture) + (sites == 1 ? " compression site" : " compression sites"));
        }

        if (s.Indentation is { } indentation)
        {
            parts.Add(indentation ? "indentation" : "no indentation");
        }

        return string.Join(" · ", parts);
    }

    private static ElectrophysiologyItem Item(ElectrophysiologyStudy s) => new(
        s.Id, s.StudyDate,
        ElectrophysiologyInput.Summary(s.LateralSpreadPresent, s.LateralSpreadLatencyMs, s.LateralSpreadAmplitudeUv),
        "Blink-reflex synkinesis: " + WorkupLabels.YesNo(s.BlinkReflexSynkinesis, "not tested").ToLowerInvariant(),
        s.Note, s.EnteredInError, s.EnteredInErrorReason);
}
