using System.Globalization;
using SpasmCare.Clinical.Surgery;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>Book a ready case into a hospital theatre with a surgeon, or move its booking (rebook).</summary>
public static class BookTheatre
{
    public const string TakenMessage =
        "This slot was just taken: the theatre or the surgeon is already booked then. Choose another time.";

    public sealed class Request : IValidatableObject
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Choose the hospital.")]
        [Display(Name = "Hospital")]
        public Guid? HospitalSiteId { get; set; }

        [Required(ErrorMessage = "Enter the theatre.")]
        [StringLength(100, ErrorMessage = "The theatre can be at most {1} characters.")]
        [Display(Name = "Theatre")]
        public string? Theatre { get; set; }

        [Required(ErrorMessage = "Enter the date.")]
        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the start time.")]
        [Display(Name = "Start time")]
        public TimeOnly? StartTime { get; set; }

        [Required(ErrorMessage = "Enter the expected duration.")]
        [Range(30, TheatreBookings.MaxMinutes, ErrorMessage = "Enter an expected duration from {1} to {2} minutes.")]
        [Display(Name = "Expected duration (minutes)")]
        public int? Minutes { get; set; }

        [Required(ErrorMessage = "Choose the surgeon.")]
        [Display(Name = "Surgeon")]
        public Guid? SurgeonId { get; set; }

        [StringLength(MvdCase.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Assistant")]
        public string? AssistantName { get; set; }

        [StringLength(MvdCase.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Anaesthetist")]
        public string? AnaesthetistName { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Theatre is not null && string.IsNullOrWhiteSpace(Theatre))
            {
                yield return new ValidationResult("Enter the theatre.", [nameof(Theatre)]);
            }
        }
    }

    public sealed record Hospital(Guid Id, string Name, string TimeZoneId);

    public sealed record Surgeon(Guid Id, string Name);

    /// <summary>Active hospital sites with an operating theatre, by name.</summary>
    public static async Task<IReadOnlyList<Hospital>> HospitalsAsync(SpasmCareDbContext db, CancellationToken ct) =>
        await db.Sites.AsNoTracking()
            .Where(s => s.IsActive && s.Kind == SiteKind.Hospital && s.HasOperatingTheatre)
            .OrderBy(s => s.Name)
            .Select(s => new Hospital(s.Id, s.Name, s.TimeZoneId))
            .ToListAsync(ct);

    /// <summary>Active users in the Doctor role, by name.</summary>
    public static async Task<IReadOnlyList<Surgeon>> SurgeonsAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        var doctors = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId
                join role in db.Roles on link.RoleId equals role.Id
                where user.IsActive && role.Name == Roles.Doctor
                select new { user.Id, user.DisplayName, user.UserName })
            .ToListAsync(ct);
        return doctors
            .DistinctBy(d => d.Id)
            .Select(d => new Surgeon(d.Id, string.IsNullOrWhiteSpace(d.DisplayName) ? d.UserName ?? "" : d.DisplayName))
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static Request From(MvdCase c, string? timeZoneId)
    {
        var request = new Request
        {
            Version = c.Version,
            HospitalSiteId = c.HospitalSiteId,
            Theatre = c.Theatre,
            Minutes = c.ScheduledMinutes ?? 180,
            SurgeonId = c.SurgeonId,
            AssistantName = c.AssistantName,
            AnaesthetistName = c.AnaesthetistName,
        };
        if (c.ScheduledStartUtc is { } start)
        {
            var local = MvdCaseRules.ToLocal(start, MvdCaseRules.Zone(timeZoneId));
            request.Date = DateOnly.FromDateTime(local);
            request.StartTime = TimeOnly.FromDateTime(local);
        }

        return request;
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ILogger<Handler> logger)
    {
        public async Task<MvdCase?> HandleAsync(Guid patientId, Guid caseId, Request request, CancellationToken ct)
        {
            var c = await db.MvdCases.FirstOrDefaultAsync(x => x.Id == caseId && x.PatientId == patientId, ct);
            if (c is null)
            {
                return null;
            }

            var rebook = c.Status == MvdCaseStatus.Booked;
            var action = rebook ? AuditAction.MvdBookingChanged : AuditAction.MvdBooked;
            await CaseSaves.CheckVersionAsync(db, audit, logger, c, request.Version, action, ct);
            MvdCaseRules.NotCancelled(c);
            if (c.Status is not (MvdCaseStatus.ReadyForSurgery or MvdCaseStatus.Booked) || MvdCaseRules.ReadinessOf(c) == Readiness.NotReady)
            {
                throw new RuleException("mvd.not-ready", c.Status is MvdCaseStatus.Referred or MvdCaseStatus.ReadyForSurgery or MvdCaseStatus.Booked
                    ? "Only a case that is ready for surgery can be booked: complete the checklist, or a surgeon overrides it."
                    : "The operation is recorded; the case can no longer be booked.");
            }

            var hospital = await db.Sites.AsNoTracking()
                .FirstOrDefaultAsync(s => s.Id == request.HospitalSiteId && s.IsActive && s.Kind == SiteKind.Hospital && s.HasOperatingTheatre, ct)
                ?? throw new RuleException("mvd.hospital", "Choose a hospital with an operating theatre from the list.", nameof(Request.HospitalSiteId));
            var surgeon = (await SurgeonsAsync(db, ct)).FirstOrDefault(s => s.Id == request.SurgeonId)
                ?? throw new RuleException("mvd.surgeon", "Choose a surgeon from the list of doctors.", nameof(Request.SurgeonId));
            var start = MvdCaseRules.ToUtc(request.Date!.Value, request.StartTime!.Value, MvdCaseRules.Zone(hospital.TimeZoneId))
                ?? throw new RuleException("mvd.time", "That time does not exist at the hospital (the clocks change then).", nameof(Request.StartTime));
            var slot = new TheatreBookings.Slot(hospital.Id, request.Theatre!, surgeon.Id, start, request.Minutes!.Value);

            var lostRace = false;

            // The overlap check and the write happen in one transaction that holds the slot's locks (see TheatreBookings).
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await TheatreBookings.LockAsync(db, slot, ct);
                if (await TheatreBookings.ClashAsync(db, caseId, slot, ct) is { } clash)
                {
                    await transaction.RollbackAsync(ct);
                    logger.SlotTaken(caseId, clash.CaseId);
                    throw new RuleException("mvd.slot-taken", TakenMessage + Detail(clash, hospital.TimeZoneId), nameof(Request.StartTime));
                }

                c.HospitalSiteId = hospital.Id;
                c.Theatre = TheatreBookings.NormaliseTheatre(request.Theatre!);
                c.ScheduledStartUtc = start;
                c.ScheduledMinutes = request.Minutes;
                c.SurgeonId = surgeon.Id;
                c.SurgeonName = surgeon.Name;
                c.AssistantName = MvdCaseRules.Clean(request.AssistantName);
                c.AnaesthetistName = MvdCaseRules.Clean(request.AnaesthetistName);
                c.Status = MvdCaseStatus.Booked;
                if (!db.ChangeTracker.HasChanges())
                {
                    return c;
                }

                audit.Record(action, MvdCaseRules.Subject, caseId.ToString(), patientId);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    lostRace = true;
                }
            }

            if (lostRace)
            {
                // Outside the rolled-back transaction, so the failed attempt's audit row is kept.
                await CaseSaves.StaleAsync(db, audit, logger, caseId, patientId, action, ct);
            }

            logger.CaseChanged(caseId, patientId, rebook ? "rebooked" : "booked");
            return c;
        }

        private static string Detail(TheatreBookings.Clash clash, string timeZoneId)
        {
            var local = MvdCaseRules.ToLocal(clash.StartUtc, MvdCaseRules.Zone(timeZoneId));
            var what = clash.SameTheatre && clash.SameSurgeon ? "the theatre and the surgeon are" : clash.SameTheatre ? "the theatre is" : "the surgeon is";
            return " (" + what + " booked from " + local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)
                + " for " + PathwayLabels.Minutes(clash.Minutes) + ".)";
        }
    }
}
