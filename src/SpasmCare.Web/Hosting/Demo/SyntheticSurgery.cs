using SpasmCare.Clinical.Examination;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// Synthetic microvascular decompression cases for the demo: referral, a complete checklist, a booking at a partner
/// hospital, the operation with its lateral spread response, the stay, a few transient complications, and follow-ups
/// at the scheduled milestones up to today. Most cases are cured at once, about a fifth cure late, one fails, and one
/// recurs and is operated again. Deterministic for a given seed; no real person's data.
/// </summary>
public static class SyntheticSurgery
{
    private enum Course
    {
        Immediate,
        Delayed,
        Failed,
        Recurrence,
    }

    public sealed record Team(Guid SurgeonId, string SurgeonName, Guid ReferrerId, string ReferrerName);

    /// <summary>Adds up to <paramref name="cases"/> cases to patients with no clinical history yet; returns how many.</summary>
    public static async Task<int> SeedAsync(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, IReadOnlyList<Site> hospitals,
        Team team, int cases, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        var today = clock.Today;
        var patients = await db.Patients.AsNoTracking()
            .Where(p => p.IsActive && !db.Visits.Any(v => v.PatientId == p.Id) && !db.InjectionSessions.Any(s => s.PatientId == p.Id))
            .OrderByDescending(p => p.Mrn)
            .Select(p => p.Id)
            .Take(cases)
            .ToListAsync(ct);

        var theatreStarts = new HashSet<(Guid, string, DateOnly, int)>();
        for (var i = 0; i < patients.Count; i++)
        {
            var patientId = patients[i];
            var course = i switch
            {
                3 => Course.Recurrence,
                7 => Course.Failed,
                _ => rng.NextDouble() < 0.22 ? Course.Delayed : Course.Immediate,
            };
            var side = rng.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right;
            var hospital = hospitals[i % hospitals.Count];

            // Operations spread over the past three years; the recurrence case is old enough to have recurred.
            var operatedOn = course == Course.Recurrence ? today.AddDays(-rng.Next(800, 900)) : today.AddDays(-rng.Next(10, 1100));
            var (theatre, startHour) = FreeSlot(theatreStarts, hospital.Id, operatedOn, rng);
            var first = AddCase(db, audit, clock, rng, patientId, side, hospital, theatre, startHour, operatedOn, team, course, redoOf: null, today);

            if (course == Course.Recurrence && first.RecurredOn is { } recurred)
            {
                var redoOn = recurred.AddDays(rng.Next(60, 90));
                var (redoTheatre, redoHour) = FreeSlot(theatreStarts, hospital.Id, redoOn, rng);
                AddCase(db, audit, clock, rng, patientId, side, hospital, redoTheatre, redoHour, redoOn, team, Course.Immediate, first, today);
            }

            await db.SaveChangesAsync(ct);
        }

        return patients.Count;
    }

    private static (string Theatre, int Hour) FreeSlot(HashSet<(Guid, string, DateOnly, int)> taken, Guid hospitalId, DateOnly day, Random rng)
    {
        foreach (var theatre in new[] { "OT 1", "OT 2" })
        {
            foreach (var hour in new[] { 8, 13 })
            {
                if (taken.Add((hospitalId, theatre, day, hour)))
                {
                    return (theatre, hour + (rng.Next(2) == 0 ? 0 : 1));
                }
            }
        }

        throw new InvalidOperationException("Synthetic theatre list is full for the day.");
    }

    private static MvdCase AddCase(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, Random rng, Guid patientId, AffectedSide side,
        Site hospital, string theatre, int startHour, DateOnly operatedOn, Team team, Course course, MvdCase? redoOf, DateOnly today)
    {
        var referredOn = operatedOn.AddDays(-rng.Next(30, 90));
        var vessels = redoOf is null
            ? rng.NextDouble() switch
            {
                < 0.45 => OffendingVessels.Aica,
                < 0.75 => OffendingVessels.Pica,
                < 0.90 => OffendingVessels.Vertebral | OffendingVessels.Pica,
                _ => OffendingVessels.Aica | OffendingVessels.Vein,
            }
            : OffendingVessels.Pica;
        var study = new ImagingStudy
        {
            PatientId = patientId,
            Modality = ImagingModality.MriWithMra,
            StudyDate = referredOn.AddDays(-rng.Next(10, 60)),
            Centre = "Synthetic Imaging Centre, Dadar",
            Sequences = ImagingSequences.Ciss3D | ImagingSequences.TofMra,
            NeurovascularContact = true,
            ContactSide = side,
            ContactSite = ContactSite.RootExitZone,
            Vessels = vessels,
            CompressionSites = vessels.HasFlag(OffendingVessels.Vertebral) ? 2 : 1,
            Indentation = rng.NextDouble() < 0.6,
            Impression = "Synthetic report: neurovascular contact at the root exit zone of the facial nerve on the symptomatic side.",
            Version = Guid.CreateVersion7(),
        };
        db.ImagingStudies.Add(study);
        audit.Record(AuditAction.ImagingRecorded, "ImagingStudy", study.Id.ToString(), patientId, detail: "synthetic demo data");

        var start = clock.ToUtc(operatedOn).AddHours(startHour).AddMinutes(30);
        var minutes = rng.Next(110, 210);
        var admitted = clock.ToUtc(operatedOn.AddDays(-1)).AddHours(16);
        var stayNights = rng.NextDouble() switch { < 0.55 => 2, < 0.85 => 3, _ => 4 };
        var mvdCase = new MvdCase
        {
            PatientId = patientId,
            Status = MvdCaseStatus.Discharged,
            Side = side,
            ReferredAtUtc = clock.ToUtc(referredOn).AddHours(11),
            ReferredBy = team.ReferrerId,
            ReferredByName = team.ReferrerName,
            Indication = redoOf is null
                ? "Primary hemifacial spasm, disabling despite botulinum toxin; neurovascular contact on MRI. Synthetic demo referral."
                : "Recurrent hemifacial spasm after an earlier cure. Synthetic demo referral.",
            SmcGradeAtReferral = rng.Next(2, 5),
            Hfs7AtReferral = rng.Next(10, 24),
            ImagingStudyId = study.Id,
            ImagingFinding = "Neurovascular contact, root exit zone, " + VesselText(vessels),
            RedoOfCaseId = redoOf?.Id,
            RedoCause = redoOf is null ? RedoCause.Unknown : RedoCause.ImplantAdhesion,
            ImagingShowsContact = true,
            AudiogramOn = referredOn.AddDays(7),
            AudiogramResult = "Normal hearing both sides (synthetic).",
            BaepBaselineOn = referredOn.AddDays(7),
            AnaesthesiaFitOn = operatedOn.AddDays(-14),
            AnaesthesiaNote = "ASA II; fit for general anaesthesia (synthetic).",
            ConsentOn = operatedOn.AddDays(-14),
            ConsentTakenBy = team.SurgeonName,
            RisksDiscussed = MvdConsentRisks.All,
            MedicationsToStop = "Aspirin stopped 7 days before (synthetic).",
            MedicationsReviewed = true,
            HospitalSiteId = hospital.Id,
            Theatre = theatre,
            ScheduledStartUtc = start,
            ScheduledMinutes = 180,
            SurgeonId = team.SurgeonId,
            SurgeonName = team.SurgeonName,
            AssistantName = "Dr Neha Kulkarni (synthetic)",
            AnaesthetistName = "Dr Farhan Qureshi (synthetic)",
            AdmittedAtUtc = admitted,
            DischargedAtUtc = clock.ToUtc(operatedOn.AddDays(stayNights - 1)).AddHours(11),
            DischargeSummary = "Uneventful recovery; wound clean; walking independently. Synthetic demo summary.",
            Version = Guid.CreateVersion7(),
        };
        db.MvdCases.Add(mvdCase);
        audit.Record(AuditAction.MvdReferred, "MvdCase", mvdCase.Id.ToString(), patientId, detail: "synthetic demo data");

        var lsrPersisted = course == Course.Failed || (course == Course.Delayed && rng.NextDouble() < 0.4);
        var operation = new MvdOperation
        {
            CaseId = mvdCase.Id,
            PatientId = patientId,
            StartedAtUtc = start,
            EndedAtUtc = start.AddMinutes(minutes),
            Side = side,
            Approach = SurgicalApproach.Retrosigmoid,
            SurgeonName = team.SurgeonName,
            Vessels = vessels,
            CompressionSite = ContactSite.RootExitZone,
            CompressionSites = vessels.HasFlag(OffendingVessels.Vertebral) ? 2 : 1,
            Indentation = study.Indentation,
            Technique = vessels.HasFlag(OffendingVessels.Vertebral) ? DecompressionTechnique.Interposition | DecompressionTechnique.Transposition : DecompressionTechnique.Interposition,
            Implant = "Teflon felt",
            LsrBaselinePresent = true,
            LsrBaselineAmplitudeUv = rng.Next(80, 400),
            LsrBaselineLatencyMs = 9.5m + (rng.Next(0, 20) / 10m),
            LsrFinal = lsrPersisted ? LsrFinalStatus.Persisted : LsrFinalStatus.Disappeared,
            LsrDisappearedAtUtc = lsrPersisted ? null : start.AddMinutes(minutes - 40),
            BaepWaveVLatencyChangeMs = rng.Next(0, 8) / 10m,
            BaepWaveVAmplitudeChangePercent = -rng.Next(0, 35),
            Notes = "Retrosigmoid craniectomy; the offending vessel mobilised from the root exit zone and Teflon interposed. Synthetic demo note.",
            Version = Guid.CreateVersion7(),
        };
        db.MvdOperations.Add(operation);
        db.LsrReadings.AddRange(
            new LsrReading { OperationId = operation.Id, Order = 0, Step = "Baseline, after dural opening", AtUtc = start.AddMinutes(30), Present = true, AmplitudeUv = operation.LsrBaselineAmplitudeUv, LatencyMs = operation.LsrBaselineLatencyMs },
            new LsrReading { OperationId = operation.Id, Order = 1, Step = "Vessel mobilised", AtUtc = start.AddMinutes(minutes - 55), Present = true, AmplitudeUv = operation.LsrBaselineAmplitudeUv / 3 },
            new LsrReading { OperationId = operation.Id, Order = 2, Step = "Teflon interposed", AtUtc = start.AddMinutes(minutes - 40), Present = lsrPersisted, AmplitudeUv = lsrPersisted ? operation.LsrBaselineAmplitudeUv / 4 : null });
        audit.Record(AuditAction.MvdOperationRecorded, "MvdOperation", operation.Id.ToString(), patientId, detail: "synthetic demo data");

        AddComplications(db, audit, rng, mvdCase, operatedOn, today);

        MvdFollowUpTasks.Schedule(db, mvdCase, hospital.Id, operatedOn);
        var tasks = db.ChangeTracker.Entries<FollowUpTask>()
            .Select(e => e.Entity)
            .Where(t => t.SourceId == mvdCase.Id && t.Kind == FollowUpKind.MvdFollowUp)
            .OrderBy(t => t.DueFrom)
            .ToList();

        // Days since the operation at which the spasm has gone, for this course.
        var cureDay = course switch
        {
            Course.Immediate or Course.Recurrence => 0,
            Course.Delayed => rng.Next(20, 300),
            _ => int.MaxValue,
        };
        var recurDay = course == Course.Recurrence ? rng.Next(400, 560) : int.MaxValue;
        foreach (var task in tasks)
        {
            var seenOn = task.DueFrom.AddDays(rng.Next(0, Math.Max(1, task.DueBy.DayNumber - task.DueFrom.DayNumber)));
            if (seenOn > today || (redoOf is null && course == Course.Recurrence && seenOn.DayNumber - operatedOn.DayNumber > recurDay + 120))
            {
                continue;
            }

            var day = seenOn.DayNumber - operatedOn.DayNumber;
            var status = day >= recurDay ? SpasmStatus.Unchanged
                : day >= cureDay ? SpasmStatus.Gone
                : course == Course.Failed ? SpasmStatus.Unchanged
                : day * 2 >= cureDay ? SpasmStatus.NinetyPercentBetter
                : SpasmStatus.AboutHalf;
            var followUp = new MvdFollowUp
            {
                CaseId = mvdCase.Id,
                PatientId = patientId,
                Milestone = task.Milestone ?? "",
                SeenOn = seenOn,
                SpasmStatus = status,
                SmcGrade = status == SpasmStatus.Gone ? 0 : status == SpasmStatus.Unchanged ? mvdCase.SmcGradeAtReferral : 1,
                HouseBrackmannGrade = 1,
                Hearing = "No change reported (synthetic).",
                Note = "Synthetic demo follow-up.",
                Version = Guid.CreateVersion7(),
            };
            db.MvdFollowUps.Add(followUp);
            audit.Record(AuditAction.MvdFollowUpRecorded, "MvdFollowUp", followUp.Id.ToString(), patientId, detail: "synthetic demo data");
            task.Status = FollowUpStatus.Done;
            task.ResultId = followUp.Id;
            task.ClosedAtUtc = clock.ToUtc(seenOn).AddHours(6);
            task.ClosedBy = team.SurgeonId;
        }

        if (course == Course.Recurrence)
        {
            mvdCase.RecurredOn = operatedOn.AddDays(recurDay);
            mvdCase.Status = MvdCaseStatus.Closed;
            foreach (var task in tasks.Where(t => t.Status == FollowUpStatus.Open))
            {
                task.Status = FollowUpStatus.Cancelled;
                task.Note = "Recurrence: followed up under the redo operation.";
            }
        }
        else if (course == Course.Failed && today.DayNumber - operatedOn.DayNumber > 400)
        {
            mvdCase.DeclaredFailed = true;
            mvdCase.DeclaredFailedReason = "Spasm unchanged at one year; lateral spread response persisted. Synthetic demo.";
        }

        return mvdCase;
    }

    private static void AddComplications(SpasmCareDbContext db, AuditLog audit, Random rng, MvdCase mvdCase, DateOnly operatedOn, DateOnly today)
    {
        var roll = rng.NextDouble();
        var (kind, onsetDay, lastsDays, course, grade) = roll switch
        {
            < 0.09 => (MvdComplicationKind.FacialPalsy, 0, rng.Next(30, 100), ComplicationCourse.Transient, (int?)rng.Next(2, 4)),
            < 0.14 => (MvdComplicationKind.DelayedFacialPalsy, rng.Next(5, 20), rng.Next(40, 120), ComplicationCourse.Transient, (int?)rng.Next(2, 4)),
            < 0.17 => (MvdComplicationKind.HearingLoss, 0, rng.Next(20, 60), ComplicationCourse.Transient, null),
            < 0.19 => (MvdComplicationKind.HearingLoss, 0, 0, ComplicationCourse.Permanent, null),
            < 0.21 => (MvdComplicationKind.CsfLeak, rng.Next(3, 8), rng.Next(5, 15), ComplicationCourse.Transient, null),
            _ => (MvdComplicationKind.Other, -1, 0, ComplicationCourse.Ongoing, null),
        };
        if (onsetDay < 0)
        {
            return;
        }

        var onset = operatedOn.AddDays(onsetDay);
        var resolved = course == ComplicationCourse.Transient ? onset.AddDays(lastsDays) : (DateOnly?)null;
        if (resolved > today)
        {
            (course, resolved) = (ComplicationCourse.Ongoing, null);
        }

        var complication = new MvdComplication
        {
            CaseId = mvdCase.Id,
            PatientId = mvdCase.PatientId,
            Kind = kind,
            HouseBrackmannGrade = grade,
            OnsetOn = onset,
            Course = course,
            ResolvedOn = resolved,
            Note = "Synthetic demo complication.",
            Version = Guid.CreateVersion7(),
        };
        db.MvdComplications.Add(complication);
        audit.Record(AuditAction.MvdComplicationRecorded, "MvdComplication", complication.Id.ToString(), mvdCase.PatientId, detail: "synthetic demo data");
    }

    private static string VesselText(OffendingVessels vessels) =>
        string.Join(" + ", Enum.GetValues<OffendingVessels>()
            .Where(v => v != OffendingVessels.None && vessels.HasFlag(v))
            .Select(v => v switch
            {
                OffendingVessels.Aica => "AICA",
                OffendingVessels.Pica => "PICA",
                OffendingVessels.Vertebral => "vertebral artery",
                OffendingVessels.Basilar => "basilar artery",
                OffendingVessels.Vein => "vein",
                _ => "other vessel",
            }));
}
