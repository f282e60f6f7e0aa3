using System.Text.Json;
using SpasmCare.Clinical;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// Synthetic clinical histories for the demo: for some of the demo patients, visits over the past months with a
/// first examination, rating scales that improve once treatment starts, an MRI, sometimes a lateral spread
/// response study, and a diagnosis. Scores are computed with the real scorer, diagnoses coded by the real
/// catalogue. Deterministic for a given seed; no real person's data.
/// </summary>
public static class SyntheticAssessments
{
    private enum Profile
    {
        TypicalHfs,
        AtypicalHfs,
        Blepharospasm,
        PostParalyticSynkinesis,
    }

    public sealed record Staff(Guid DoctorId, string DoctorName, Guid NurseId, string NurseName);

    /// <summary>Adds histories for up to <paramref name="patients"/> adult patients; returns how many got one.</summary>
    public static async Task<int> SeedAsync(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, Guid clinicSiteId,
        Staff staff, int patients, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        var today = clock.Today;
        var candidates = await db.Patients.AsNoTracking()
            .Where(p => p.IsActive)
            .OrderBy(p => p.Mrn)
            .Select(p => new { p.Id, p.BirthDate })
            .Take(patients * 2)
            .ToListAsync(ct);
        var chosen = candidates.Where(p => SpasmCare.Clinical.Age.InYears(p.BirthDate, today) >= 30).Take(patients).ToList();
        foreach (var patient in chosen)
        {
            var age = SpasmCare.Clinical.Age.InYears(patient.BirthDate, today);
            var roll = rng.NextDouble();
            var profile = roll switch
            {
                < 0.75 => Profile.TypicalHfs,
                < 0.85 => Profile.AtypicalHfs,
                < 0.93 => Profile.Blepharospasm,
                _ => Profile.PostParalyticSynkinesis,
            };
            var side = rng.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right;
            if (profile == Profile.Blepharospasm)
            {
                side = AffectedSide.Both;
            }

            // A first consultation 4–18 months ago, then a visit about every three months up to today.
            var first = today.AddDays(-rng.Next(120, 540));
            var dates = new List<DateOnly>();
            for (var d = first; d <= today.AddDays(-7); d = d.AddDays(rng.Next(80, 110)))
            {
                dates.Add(d);
            }

            var visits = dates.Select((d, i) => new Visit
            {
                PatientId = patient.Id,
                SiteId = clinicSiteId,
                ClinicianId = staff.DoctorId,
                ClinicianName = staff.DoctorName,
                StartedAtUtc = clock.ToUtc(d).AddHours(10 + rng.Next(0, 7)).AddMinutes(rng.Next(0, 4) * 15),
                Type = i == 0 ? VisitType.NewConsultation : (profile == Profile.Blepharospasm || profile <= Profile.AtypicalHfs ? VisitType.InjectionVisit : VisitType.FollowUp),
                Note = i == 0 ? "Synthetic demo visit: first consultation." : "Synthetic demo visit.",
                Version = Guid.CreateVersion7(),
            }).ToList();
            db.Visits.AddRange(visits);
            foreach (var v in visits)
            {
                audit.Record(AuditAction.VisitCreated, "Visit", v.Id.ToString(), patient.Id, detail: "synthetic demo data");
            }

            var onsetAge = Math.Max(25, age - rng.Next(1, 8));
            var exam = Examine(profile, side, onsetAge, age, rng);
            var examination = new Examination
            {
                PatientId = patient.Id,
                VisitId = visits[0].Id,
                ExaminedAtUtc = visits[0].StartedAtUtc.AddMinutes(20),
                ExaminerId = staff.DoctorId,
                ExaminerName = staff.DoctorName,
                Side = exam.Side,
                Findings = Examination.WriteFindings(exam),
                RecordedAtUtc = visits[0].StartedAtUtc.AddMinutes(25),
            };
            db.Examinations.Add(examination);
            audit.Record(AuditAction.ExaminationRecorded, "Examination", examination.Id.ToString(), patient.Id, detail: "synthetic demo data");

            // Severity starts high and, once treatment begins after the first visit, settles lower with some noise.
            var baseline = rng.Next(5, 8);
            for (var i = 0; i < visits.Count; i++)
            {
                var level = i == 0 ? baseline : Math.Clamp(baseline - 3 - rng.Next(0, 2) + rng.Next(0, 2), 1, 8);
                AddScore(db, audit, InstrumentCatalogue.Jrs, patient.Id, visits[i], staff.DoctorId, staff.DoctorName, RatingMode.InPerson,
                    new() { [JankovicRatingScale.SeverityItem] = Math.Min(4, (level + 1) / 2), [JankovicRatingScale.FrequencyItem] = Math.Min(4, level / 2) });
                var hfs7 = InstrumentCatalogue.Hfs7.Items.ToDictionary(item => item.Code, _ => Math.Clamp((level / 2) + rng.Next(-1, 2), 0, 4));
                AddScore(db, audit, InstrumentCatalogue.Hfs7, patient.Id, visits[i], staff.NurseId, staff.NurseName, RatingMode.PatientReported, hfs7);
                if (profile is Profile.TypicalHfs or Profile.AtypicalHfs)
                {
                    AddScore(db, audit, InstrumentCatalogue.Smc, patient.Id, visits[i], staff.DoctorId, staff.DoctorName, RatingMode.InPerson,
                        new() { ["GRADE"] = Math.Clamp((level + 1) / 2, 1, 4) });
                }
            }

            if (profile is Profile.TypicalHfs or Profile.AtypicalHfs && rng.NextDouble() < 0.85)
            {
                var vessels = rng.NextDouble() switch
                {
                    < 0.45 => OffendingVessels.Aica,
                    < 0.75 => OffendingVessels.Pica,
                    < 0.90 => OffendingVessels.Vertebral | OffendingVessels.Pica,
                    _ => OffendingVessels.Aica | OffendingVessels.Vein,
                };
                var study = new ImagingStudy
                {
                    PatientId = patient.Id,
                    Modality = ImagingModality.MriWithMra,
                    StudyDate = first.AddDays(rng.Next(5, 25)) is var s && s <= today ? s : today,
                    Centre = "Synthetic Imaging Centre, Dadar",
                    Sequences = ImagingSequences.Ciss3D | ImagingSequences.TofMra,
                    NeurovascularContact = true,
                    ContactSide = side,
                    ContactSite = rng.NextDouble() < 0.7 ? ContactSite.RootExitZone : ContactSite.AttachedSegment,
                    Vessels = vessels,
                    CompressionSites = vessels.HasFlag(OffendingVessels.Vertebral) ? 2 : 1,
                    Indentation = rng.NextDouble() < 0.5,
                    VertebralDolichoectasia = vessels.HasFlag(OffendingVessels.Vertebral),
                    Impression = "Synthetic report: neurovascular contact at the facial nerve on the symptomatic side.",
                    Version = Guid.CreateVersion7(),
                };
                db.ImagingStudies.Add(study);
                audit.Record(AuditAction.ImagingRecorded, "ImagingStudy", study.Id.ToString(), patient.Id, detail: "synthetic demo data");

                if (rng.NextDouble() < 0.35)
                {
                    var ep = new ElectrophysiologyStudy
                    {
                        PatientId = patient.Id,
                        StudyDate = study.StudyDate,
                        LateralSpreadPresent = true,
                        LateralSpreadLatencyMs = Math.Round(9.5m + (decimal)rng.NextDouble() * 2.5m, 1),
                        LateralSpreadAmplitudeUv = rng.Next(80, 400),
                        BlinkReflexSynkinesis = true,
                        Note = "Synthetic study.",
                        Version = Guid.CreateVersion7(),
                    };
                    db.ElectrophysiologyStudies.Add(ep);
                    audit.Record(AuditAction.ElectrophysiologyRecorded, "ElectrophysiologyStudy", ep.Id.ToString(), patient.Id, detail: "synthetic demo data");
                }
            }

            var diagnosis = new Diagnosis
            {
                Condition = profile switch
                {
                    Profile.Blepharospasm => ClinicalCondition.Blepharospasm,
                    Profile.PostParalyticSynkinesis => ClinicalCondition.PostParalyticSynkinesis,
                    _ => ClinicalCondition.HemifacialSpasm,
                },
                Side = side,
                Certainty = rng.NextDouble() < 0.85 ? DiagnosisCertainty.Confirmed : DiagnosisCertainty.Provisional,
                Etiology = profile is Profile.TypicalHfs or Profile.AtypicalHfs ? HfsEtiology.Primary : null,
                OnsetDate = patient.BirthDate.AddYears(onsetAge),
            };
            var row = new PatientDiagnosis
            {
                PatientId = patient.Id,
                Condition = diagnosis.Condition,
                Side = diagnosis.Side,
                Certainty = diagnosis.Certainty,
                Etiology = diagnosis.Etiology,
                OnsetDate = diagnosis.OnsetDate,
                Icd10 = diagnosis.Icd10,
                Icd10Cm = diagnosis.Icd10Cm,
                SnomedCt = diagnosis.SnomedCt,
                Version = Guid.CreateVersion7(),
            };
            db.Diagnoses.Add(row);
            audit.Record(AuditAction.DiagnosisRecorded, "Diagnosis", row.Id.ToString(), patient.Id, detail: "synthetic demo data");
        }

        await db.SaveChangesAsync(ct);
        return chosen.Count;
    }

    private static FacialExamination Examine(Profile profile, AffectedSide side, int onsetAge, int age, Random rng)
    {
        var duration = Math.Max(1, (age - onsetAge) * 12);
        return profile switch
        {
            Profile.TypicalHfs => new FacialExamination
            {
                Side = side,
                InvolvedRegions = rng.NextDouble() < 0.5
                    ? [FacialRegion.LowerLid, FacialRegion.UpperLid, FacialRegion.Cheek, FacialRegion.Mouth]
                    : [FacialRegion.LowerLid, FacialRegion.UpperLid, FacialRegion.Cheek, FacialRegion.Mouth, FacialRegion.Chin, FacialRegion.Neck],
                OnsetRegion = FacialRegion.LowerLid,
                Spread = SpreadPattern.Typical,
                UpperLowerFaceSynchronous = true,
                OtherBabinskiSign = rng.NextDouble() < 0.85,
                Contraction = ContractionType.Both,
                PersistsInSleep = true,
                SensoryTrick = false,
                VoluntarilySuppressible = false,
                EarlierFacialPalsy = false,
                FacialWeakness = false,
                HearingLoss = false,
                OtherCranialNerveSigns = false,
                AgeAtOnsetYears = onsetAge,
                DurationMonths = duration,
                AggravatingFactors = "Stress, fatigue, talking",
            },
            Profile.AtypicalHfs => new FacialExamination
            {
                Side = side,
                InvolvedRegions = [FacialRegion.Mouth, FacialRegion.Cheek, FacialRegion.LowerLid],
                OnsetRegion = FacialRegion.Mouth,
                Spread = SpreadPattern.Atypical,
                UpperLowerFaceSynchronous = true,
                OtherBabinskiSign = true,
                Contraction = ContractionType.Both,
                PersistsInSleep = true,
                SensoryTrick = false,
                EarlierFacialPalsy = false,
                FacialWeakness = false,
                HearingLoss = false,
                OtherCranialNerveSigns = false,
                AgeAtOnsetYears = onsetAge,
                DurationMonths = duration,
            },
            Profile.Blepharospasm => new FacialExamination
            {
                Side = AffectedSide.Both,
                InvolvedRegions = [FacialRegion.UpperLid, FacialRegion.LowerLid, FacialRegion.Corrugator],
                OnsetRegion = FacialRegion.UpperLid,
                Spread = SpreadPattern.NotSpread,
                BothSidesSynchronous = true,
                OtherBabinskiSign = false,
                Contraction = ContractionType.Tonic,
                PersistsInSleep = false,
                SensoryTrick = true,
                IncreasedBlinking = true,
                EarlierFacialPalsy = false,
                FacialWeakness = false,
                AgeAtOnsetYears = onsetAge,
                DurationMonths = duration,
                AggravatingFactors = "Bright light, reading",
            },
            _ => new FacialExamination
            {
                Side = side,
                InvolvedRegions = [FacialRegion.UpperLid, FacialRegion.LowerLid, FacialRegion.Mouth],
                OnsetRegion = FacialRegion.Mouth,
                Spread = SpreadPattern.Unknown,
                Contraction = ContractionType.Tonic,
                PersistsInSleep = false,
                TriggeredByVoluntaryMovement = true,
                EarlierFacialPalsy = true,
                FacialWeakness = true,
                AgeAtOnsetYears = onsetAge,
                DurationMonths = duration,
                AggravatingFactors = "Smiling, eating",
            },
        };
    }

    private static void AddScore(SpasmCareDbContext db, AuditLog audit, InstrumentDefinition definition, Guid patientId, Visit visit,
        Guid raterId, string raterName, RatingMode mode, Dictionary<string, int> values)
    {
        var answers = values.ToDictionary(kv => kv.Key, kv => ItemAnswer.Of(kv.Value));
        var result = ScaleScorer.Score(definition, answers);
        if (result.Status == ScoreStatus.Invalid)
        {
            throw new InvalidOperationException($"Synthetic {definition.Code} answers are invalid: {result.Errors[0].Message}");
        }

        var score = new ScaleScore
        {
            PatientId = patientId,
            VisitId = visit.Id,
            InstrumentCode = definition.Code,
            InstrumentVersion = definition.Version,
            Answers = JsonSerializer.Serialize(answers.ToDictionary(kv => kv.Key, kv => kv.Value.ToString())),
            Total = result.Total,
            Status = result.Status.ToString(),
            Subscales = JsonSerializer.Serialize(result.Subscales.Where(s => s.Score is not null).ToDictionary(s => s.Code, s => s.Score!.Value)),
            RaterId = raterId,
            RaterName = raterName,
            Mode = mode,
            AssessedAtUtc = visit.StartedAtUtc.AddMinutes(10),
            RecordedAtUtc = visit.StartedAtUtc.AddMinutes(12),
        };
        db.ScaleScores.Add(score);
        audit.Record(AuditAction.ScaleScoreRecorded, "ScaleScore", score.Id.ToString(), patientId, detail: "synthetic demo data");
    }
}
