using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Hosting.Demo;

/// <summary>
/// Synthetic botulinum toxin histories for the demo: patients with 1–20 injection cycles at the clinic, drawn from
/// real vial records (one vial shared by the day's patients, the rest wasted at the end of the day), reviews at two to
/// three weeks with realistic responses, a few adverse effects, two patients whose benefit shortens (possible secondary
/// non-response), one who never responded, a recalled lot, and unopened stock. Deterministic for a given seed.
/// </summary>
public static class SyntheticToxin
{
    private const decimal VialUnits = 100m;
    private const decimal SalineMl = 4m;

    public sealed record Staff(Guid DoctorId, string DoctorName, Guid NurseId, string NurseName);

    private sealed record Plan(Guid PatientId, AffectedSide Side, List<DateOnly> Dates, int TypicalDays, bool LowerFace, bool Secondary, bool Primary);

    /// <summary>The standard periocular and mid-face scheme of DOMAIN §3.2 (units at each site), and the lower-face additions.</summary>
    private static readonly (string Muscle, decimal Units)[] StandardScheme =
    [
        ("oo-upper-pretarsal-medial", 2.5m),
        ("oo-upper-pretarsal-lateral", 2.5m),
        ("oo-lower-pretarsal-lateral", 2.5m),
        ("oo-orbital-lateral-canthus", 5m),
        ("corrugator", 2.5m),
        ("zygomaticus-major", 2.5m),
    ];

    private static readonly (string Muscle, decimal Units)[] LowerFace =
    [
        ("risorius", 1.25m),
        ("depressor-anguli-oris", 1.25m),
    ];

    /// <summary>Adds histories for <paramref name="patients"/> patients of the clinic; returns the number of sessions.</summary>
    public static async Task<int> SeedAsync(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, Guid clinicSiteId, Staff staff,
        int patients, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        var today = clock.Today;
        var botox = await db.ToxinProducts.SingleAsync(p => p.Substance == ToxinSubstance.OnabotulinumtoxinA, ct);
        var dysport = await db.ToxinProducts.FirstOrDefaultAsync(p => p.Substance == ToxinSubstance.AbobotulinumtoxinA, ct);

        // Patients diagnosed with hemifacial spasm first (their scales then share the chart), then others without any
        // clinical history (not those diagnosed with something else).
        var withHfs = await db.Diagnoses.AsNoTracking()
            .Where(d => d.IsCurrent && d.Condition == ClinicalCondition.HemifacialSpasm)
            .Select(d => d.PatientId).Distinct().ToListAsync(ct);
        var withHistory = await db.Visits.AsNoTracking().Select(v => v.PatientId).Distinct().ToListAsync(ct);
        var others = await db.Patients.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Mrn).Select(p => p.Id).Take(patients * 2).ToListAsync(ct);
        var chosen = withHfs.Concat(others.Except(withHistory)).Take(patients).ToList();

        var plans = new List<Plan>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var cycles = i switch { 0 => 20, 1 => 12, 2 => 1, _ => rng.Next(1, 15) };
            var typical = rng.Next(80, 125);
            var dates = new List<DateOnly>();
            // The last session between 10 days and 5 months ago: some patients are due, some overdue, some recently seen.
            var d = today.AddDays(-rng.Next(10, 150));
            for (var c = 0; c < cycles; c++)
            {
                dates.Insert(0, InjectionDay(d));
                d = d.AddDays(-(typical + rng.Next(0, 21)));
            }

            plans.Add(new Plan(chosen[i], rng.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right, dates, typical,
                LowerFace: rng.NextDouble() < 0.45, Secondary: i is 3 or 4, Primary: i == 2));
        }

        // Lots change every quarter; one lot, a year back, is recalled afterwards.
        var lotOf = new Dictionary<int, (string Lot, DateOnly Received)>();
        string LotFor(DateOnly day, out DateOnly received)
        {
            var quarter = (day.Year * 4) + ((day.Month - 1) / 3);
            if (!lotOf.TryGetValue(quarter, out var lot))
            {
                lot = ($"C{7000 + (quarter % 1000)}C{(char)('A' + (quarter % 26))}", new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1).AddDays(-20));
                lotOf[quarter] = lot;
            }

            received = lot.Received;
            return lot.Lot;
        }

        var sessions = 0;
        foreach (var day in plans.SelectMany(p => p.Dates).Distinct().Order())
        {
            ToxinVial? vial = null;
            var reconstitutedAt = clock.ToUtc(day).AddHours(9).AddMinutes(15);
            foreach (var plan in plans.Where(p => p.Dates.Contains(day)))
            {
                var cycle = plan.Dates.IndexOf(day);
                var points = Points(plan, cycle, rng);
                var total = points.Sum(p => p.Units);
                if (vial is null || vial.UnitsLeft < total)
                {
                    if (vial is not null)
                    {
                        Waste(db, vial, reconstitutedAt.AddHours(9), staff.NurseId, "Remainder too small for the next patient.");
                    }

                    var lot = LotFor(day, out var received);
                    vial = OpenVial(db, audit, botox, clinicSiteId, lot, received, reconstitutedAt, staff);
                }

                var injectedAt = reconstitutedAt.AddMinutes(30 + (sessions % 12 * 25));
                var session = new InjectionSession
                {
                    PatientId = plan.PatientId,
                    SiteId = clinicSiteId,
                    ClinicianId = staff.DoctorId,
                    ClinicianName = staff.DoctorName,
                    InjectedAtUtc = injectedAt,
                    Indication = InjectionIndication.HemifacialSpasm,
                    SpasmSide = plan.Side,
                    ProductId = botox.Id,
                    TotalUnits = total,
                    Note = "Synthetic demo session.",
                    Version = Guid.CreateVersion7(),
                };
                db.InjectionSessions.Add(session);
                for (var i = 0; i < points.Count; i++)
                {
                    var (muscle, side, units) = points[i];
                    var site = ToxinMuscleCatalogue.Find(muscle) ?? throw new InvalidOperationException("Unknown synthetic site " + muscle);
                    db.InjectionPoints.Add(new InjectionPoint
                    {
                        SessionId = session.Id,
                        Order = i,
                        Muscle = muscle,
                        Side = side,
                        Units = units,
                        VolumeMl = Reconstitution.VolumeMl(units, vial.SalineMl is { } ml ? Reconstitution.UnitsPer01Ml(vial.UnitsPerVial, ml) : 2.5m),
                        Technique = site.DefaultTechnique,
                        VialId = vial.Id,
                        MapX = site.MapXFor(side),
                        MapY = site.MapY,
                    });
                    VialLedger.Draw(db, vial, units, session.Id, plan.PatientId, injectedAt, staff.DoctorId);
                }

                audit.Record(AuditAction.InjectionSessionRecorded, "InjectionSession", session.Id.ToString(), plan.PatientId, detail: "synthetic demo data");
                AddFollowUp(db, audit, clock, rng, plan, cycle, session, day, today, staff);
                sessions++;
            }

            if (vial is not null)
            {
                Waste(db, vial, reconstitutedAt.AddHours(9), staff.NurseId, "End of the clinic day.");
            }

            await db.SaveChangesAsync(ct);
        }

        // The recalled lot: the one in use about a year ago.
        if (lotOf.Count > 0)
        {
            var yearAgo = today.AddYears(-1);
            var recalled = LotFor(yearAgo, out _);
            if (await db.ToxinVials.AnyAsync(v => v.LotNumber == recalled, ct))
            {
                db.ToxinLotRecalls.Add(new ToxinLotRecall
                {
                    ProductId = botox.Id,
                    LotNumber = recalled,
                    Reason = "Synthetic demo recall: the manufacturer reported out-of-specification potency for this lot.",
                    RecalledAtUtc = clock.ToUtc(yearAgo.AddDays(75)).AddHours(5),
                    RecordedBy = staff.NurseId,
                });
                audit.Record(AuditAction.ToxinLotRecalled, "ToxinLot", recalled, detail: "synthetic demo data");
            }
        }

        AddStock(db, audit, clock, botox, dysport, clinicSiteId, LotFor(today, out var current), current, today);
        await db.SaveChangesAsync(ct);
        return sessions;
    }

    /// <summary>The clinic gives toxin on Tuesdays and Saturdays, so one vial serves the day's patients.</summary>
    private static DateOnly InjectionDay(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Sunday => day.AddDays(-1),
        DayOfWeek.Monday => day.AddDays(1),
        DayOfWeek.Wednesday => day.AddDays(-1),
        DayOfWeek.Thursday => day.AddDays(2),
        DayOfWeek.Friday => day.AddDays(1),
        _ => day,
    };

    private static List<(string Muscle, AffectedSide Side, decimal Units)> Points(Plan plan, int cycle, Random rng)
    {
        // The dose rises over the first few cycles, then settles (DOMAIN §3.2, Dantas 2025).
        var scale = cycle switch { 0 => 0.8m, 1 => 0.9m, _ => 1m };
        var points = StandardScheme.Select(s => (s.Muscle, plan.Side, Math.Round(s.Units * scale / 1.25m, MidpointRounding.AwayFromZero) * 1.25m)).ToList();
        if (plan.LowerFace && cycle > 0)
        {
            points.AddRange(LowerFace.Select(s => (s.Muscle, plan.Side, s.Units)));
            if (rng.NextDouble() < 0.3)
            {
                // A contralateral balancing point to keep the smile even.
                var other = plan.Side == AffectedSide.Left ? AffectedSide.Right : AffectedSide.Left;
                points.Add(("zygomaticus-major", other, 1.25m));
            }
        }

        return points.Select(p => (p.Muscle, p.Item2, Math.Max(1.25m, p.Item3))).ToList();
    }

    private static ToxinVial OpenVial(SpasmCareDbContext db, AuditLog audit, ToxinProduct product, Guid siteId, string lot, DateOnly received,
        DateTime reconstitutedAt, Staff staff)
    {
        var vial = new ToxinVial
        {
            ProductId = product.Id,
            SiteId = siteId,
            LotNumber = lot,
            ExpiryDate = received.AddMonths(24),
            UnitsPerVial = VialUnits,
            ReceivedAtUtc = received.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc),
            Status = VialStatus.Reconstituted,
            SalineMl = SalineMl,
            ReconstitutedAtUtc = reconstitutedAt,
            ReconstitutedBy = staff.NurseId,
            ReconstitutedByName = staff.NurseName,
            UseBeforeUtc = reconstitutedAt.AddHours(product.UseWithinHours),
            Version = Guid.CreateVersion7(),
        };
        db.ToxinVials.Add(vial);
        audit.Record(AuditAction.ToxinVialReconstituted, "ToxinVial", vial.Id.ToString(), detail: "synthetic demo data");
        return vial;
    }

    private static void Waste(SpasmCareDbContext db, ToxinVial vial, DateTime atUtc, Guid by, string reason)
    {
        var left = vial.UnitsLeft;
        if (left > 0)
        {
            db.ToxinVialEntries.Add(new ToxinVialEntry { VialId = vial.Id, Kind = VialEntryKind.Waste, Units = left, Reason = reason, AtUtc = atUtc, By = by });
            vial.UnitsWasted += left;
        }

        vial.Status = VialStatus.Finished;
    }

    private static void AddFollowUp(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, Random rng, Plan plan, int cycle,
        InjectionSession session, DateOnly day, DateOnly today, Staff staff)
    {
        SessionRules.AddFollowUps(db, session, day);
        var tasks = db.ChangeTracker.Entries<FollowUpTask>().Select(e => e.Entity).Where(t => t.SourceId == session.Id).ToList();
        var onset = tasks.Single(t => t.Kind == FollowUpKind.ToxinOnsetCheck);
        var peak = tasks.Single(t => t.Kind == FollowUpKind.ToxinPeakReview);

        var reviewedOn = day.AddDays(rng.Next(14, 22));
        if (reviewedOn > today)
        {
            return;
        }

        // Benefit: the patient's own typical duration with some noise; shorter and weaker in the last cycles of the two
        // secondary non-responders; none at all for the primary non-responder.
        var last = plan.Dates.Count - 1;
        var waning = plan.Secondary && cycle >= last - 2 && cycle > 2;
        var days = plan.Primary ? 0 : waning ? rng.Next(38, 50) : plan.TypicalDays + rng.Next(-10, 11);
        var improvement = plan.Primary ? 0 : waning ? rng.Next(25, 45) : rng.Next(60, 96);
        var response = improvement switch { 0 => ToxinResponse.None, < 50 => ToxinResponse.Partial, < 80 => ToxinResponse.Good, _ => ToxinResponse.Excellent };
        var woreOff = day.AddDays(days);
        var review = new InjectionReview
        {
            SessionId = session.Id,
            PatientId = plan.PatientId,
            ReviewedAtUtc = clock.ToUtc(reviewedOn).AddHours(6),
            ReviewedByName = staff.NurseName,
            Response = response,
            ImprovementPercent = improvement,
            OnsetDay = plan.Primary ? null : rng.Next(3, 7),
            WoreOffOn = !plan.Primary && woreOff <= today && (cycle == last || woreOff < plan.Dates[cycle + 1]) ? woreOff : null,
            Note = "Synthetic demo review.",
            Version = Guid.CreateVersion7(),
        };
        db.InjectionReviews.Add(review);
        audit.Record(AuditAction.InjectionReviewRecorded, "InjectionReview", review.Id.ToString(), plan.PatientId, detail: "synthetic demo data");
        peak.Status = FollowUpStatus.Done;
        peak.ResultId = review.Id;
        peak.ClosedAtUtc = review.ReviewedAtUtc;
        peak.ClosedBy = staff.NurseId;
        onset.Status = FollowUpStatus.Cancelled;
        onset.Note = "Cancelled: not called; the peak review was done.";
        onset.ClosedAtUtc = review.ReviewedAtUtc;

        if (rng.NextDouble() < 0.06 && !plan.Primary)
        {
            var kind = rng.NextDouble() switch { < 0.4 => ToxinAdverseEffectKind.Ptosis, < 0.7 => ToxinAdverseEffectKind.MouthDroopOrDrooling, _ => ToxinAdverseEffectKind.Bruising };
            var effectOnset = day.AddDays(kind == ToxinAdverseEffectKind.Bruising ? 0 : rng.Next(3, 8));
            var effect = new ToxinAdverseEffect
            {
                SessionId = session.Id,
                PatientId = plan.PatientId,
                ReviewId = review.Id,
                Kind = kind,
                Severity = Severity.Mild,
                OnsetOn = effectOnset,
                ResolvedOn = effectOnset.AddDays(rng.Next(7, 35)) is var r && r <= today ? r : null,
                Version = Guid.CreateVersion7(),
            };
            db.ToxinAdverseEffects.Add(effect);
            audit.Record(AuditAction.ToxinAdverseEffectRecorded, "ToxinAdverseEffect", effect.Id.ToString(), plan.PatientId, detail: "synthetic demo data");
        }
    }

    private static void AddStock(SpasmCareDbContext db, AuditLog audit, ClinicTime clock, ToxinProduct botox, ToxinProduct? dysport, Guid siteId,
        string currentLot, DateOnly currentReceived, DateOnly today)
    {
        var received = clock.ToUtc(currentReceived <= today ? currentReceived : today).AddHours(5);
        var vials = Enumerable.Range(0, 6).Select(_ => new ToxinVial
        {
            ProductId = botox.Id, SiteId = siteId, LotNumber = currentLot, ExpiryDate = currentReceived.AddMonths(24),
            UnitsPerVial = VialUnits, ReceivedAtUtc = received, Status = VialStatus.InStock, Version = Guid.CreateVersion7(),
        }).ToList();

        // One older vial close to its expiry date, so the stock page shows an expiry alert.
        vials.Add(new ToxinVial
        {
            ProductId = botox.Id, SiteId = siteId, LotNumber = "C6990CZ", ExpiryDate = today.AddDays(18),
            UnitsPerVial = VialUnits, ReceivedAtUtc = clock.ToUtc(today.AddMonths(-20)).AddHours(5), Status = VialStatus.InStock, Version = Guid.CreateVersion7(),
        });
        if (dysport is not null)
        {
            vials.Add(new ToxinVial
            {
                ProductId = dysport.Id, SiteId = siteId, LotNumber = "D41207", ExpiryDate = today.AddMonths(14),
                UnitsPerVial = 300m, ReceivedAtUtc = received, Status = VialStatus.InStock, Version = Guid.CreateVersion7(),
            });
        }

        db.ToxinVials.AddRange(vials);
        foreach (var vial in vials)
        {
            audit.Record(AuditAction.ToxinVialReceived, "ToxinVial", vial.Id.ToString(), detail: "synthetic demo data");
        }
    }
}
