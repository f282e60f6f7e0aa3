using System.Globalization;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>An error beside one field of the session form (<see cref="Field"/> is relative to the form, e.g. "Points[2].VialId").</summary>
public sealed record SessionFieldError(string Field, string Message);

/// <summary>What saving a session came to: saved, refused with errors or warnings, or beaten by another save.</summary>
public sealed class SessionOutcome
{
    public InjectionSession? Session { get; init; }
    public bool NotFound { get; init; }
    public IReadOnlyList<SessionFieldError> Errors { get; init; } = [];

    /// <summary>Dose-rule warnings that stopped the save until the clinician reads them and gives a reason.</summary>
    public IReadOnlyList<DoseWarning> Warnings { get; init; } = [];

    /// <summary>A vial changed (another draw) while this save ran; nothing was saved.</summary>
    public bool VialChanged { get; init; }

    public EditConflict? Conflict { get; init; }

    public static SessionOutcome Missing { get; } = new() { NotFound = true };
}

/// <summary>Record an injection session: its points, the draws from the vials, the follow-up tasks and the audit, in one save.</summary>
public static class RecordSession
{
    public const string Subject = "InjectionSession";

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, VisitClinicians clinicians, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<SessionOutcome> HandleAsync(Guid patientId, SessionInput input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var born = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => (DateOnly?)p.BirthDate).FirstOrDefaultAsync(ct);
            if (born is null)
            {
                return SessionOutcome.Missing;
            }

            var now = Clock.UtcNow(time);
            var (ok, errors) = await SessionRules.CheckAsync(db, now, born.Value, input, null, ct);
            if (ok is null)
            {
                return new SessionOutcome { Errors = errors };
            }

            var settings = await ToxinRuleSettings.LoadAsync(db, ct);
            var planned = input.Planned();
            var check = await SessionDoseCheck.BuildAsync(db, patientId, null, ok.InjectedAtUtc, ok.LocalDate, input.Indication!.Value,
                ok.Product, input.IsBooster, planned, ct);
            var warnings = DoseRules.Evaluate(check, settings);
            if (SessionRules.OverrideMissing(input, warnings) is { } refusal)
            {
                return new SessionOutcome { Warnings = warnings, Errors = refusal };
            }

            var by = clinicians.CurrentId();
            var session = new InjectionSession
            {
                PatientId = patientId,
                SiteId = ok.Site.Id,
                ClinicianId = by ?? Guid.Empty,
                ClinicianName = clinicians.CurrentName(),
                InjectedAtUtc = ok.InjectedAtUtc,
                Indication = input.Indication.Value,
                SpasmSide = input.SpasmSide!.Value,
                ProductId = ok.Product.Id,
                IsBooster = input.IsBooster,
                Note = SessionInput.Clean(input.Note),
            };
            SessionRules.ApplyOverride(session, input, warnings);
            var points = SessionRules.BuildPoints(session.Id, input, ok.Vials);
            session.TotalUnits = points.Sum(p => p.Units);
            db.InjectionSessions.Add(session);
            db.InjectionPoints.AddRange(points);

            var drawErrors = new List<SessionFieldError>();
            foreach (var (index, point) in SessionRules.Indexed(input, points))
            {
                try
                {
                    VialLedger.Draw(db, ok.Vials[point.VialId], point.Units, session.Id, patientId, now, by);
                }
                catch (RuleException rule)
                {
                    drawErrors.Add(SessionRules.PointError(index, rule.Field == nameof(PointInput.Units) ? nameof(PointInput.Units) : nameof(PointInput.VialId), rule.Message));
                }
            }

            if (drawErrors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new SessionOutcome { Errors = drawErrors };
            }

            SessionRules.AddFollowUps(db, session, ok.LocalDate);
            await Messaging.PatientMessages.RequestToxinResponseCheckAsync(db, patientId, ok.Site, ok.LocalDate, now, ct);
            audit.Record(AuditAction.InjectionSessionRecorded, Subject, session.Id.ToString(), patientId,
                detail: SessionRules.Detail(points.Count, session.TotalUnits));
            if (session.OverriddenWarnings is not null)
            {
                audit.Record(AuditAction.DoseWarningOverridden, Subject, session.Id.ToString(), patientId, detail: session.OverriddenWarnings);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                audit.Record(AuditAction.InjectionSessionRecorded, Subject, session.Id.ToString(), patientId,
                    AuditOutcome.Failed, StatusCodes.Status409Conflict, "vial changed");
                await db.SaveChangesAsync(ct);
                SessionLog.VialChanged(logger, patientId);
                return new SessionOutcome { VialChanged = true };
            }

            SessionLog.Saved(logger, session.Id, patientId, "recorded");
            return new SessionOutcome { Session = session };
        }
    }
}

/// <summary>The checks and building blocks shared by recording and correcting a session.</summary>
internal static class SessionRules
{
    /// <summary>A session may be charted a little ahead of the clock (the patient is on the couch), but not later.</summary>
    public const int FutureToleranceMinutes = 15;

    public const int OverrideReasonMin = 5;

    public sealed record Checked(Site Site, ToxinProduct Product, DateTime InjectedAtUtc, DateOnly LocalDate, Dictionary<Guid, ToxinVial> Vials);

    /// <summary>
    /// Resolves the site, product, time and the (tracked) vials of a shape-valid form, or gives the errors beside the
    /// fields. On a correction (<paramref name="existing"/>), the session's own site and product stay allowed even if
    /// no longer active.
    /// </summary>
    public static async Task<(Checked? Ok, List<SessionFieldError> Errors)> CheckAsync(
        SpasmCareDbContext db, DateTime nowUtc, DateOnly birthDate, SessionInput input, InjectionSession? existing, CancellationToken ct)
    {
        var errors = new List<SessionFieldError>();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SiteId, ct);
        if (site is null || (!site.IsActive && site.Id != existing?.SiteId))
        {
            errors.Add(new(nameof(SessionInput.SiteId), "Choose one of the practice's open sites."));
        }

        var product = await db.ToxinProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProductId, ct);
        if (product is null || (!product.IsActive && product.Id != existing?.ProductId))
        {
            errors.Add(new(nameof(SessionInput.ProductId), "Choose a product from the list."));
        }

        DateTime? start = null;
        if (site is not null)
        {
            start = VisitTime.ToUtc(input.Date!.Value, input.Time!.Value, site.TimeZoneId);
            if (start is null)
            {
                errors.Add(new(nameof(SessionInput.Time), "That time does not exist at this site because the clocks changed; choose another."));
            }
            else if (start > nowUtc.AddMinutes(FutureToleranceMinutes))
            {
                errors.Add(new(nameof(SessionInput.Date), "The session cannot be in the future. Chart it when the injections are given."));
            }
        }

        if (input.Date!.Value < birthDate)
        {
            errors.Add(new(nameof(SessionInput.Date), "The session cannot be before the patient's date of birth."));
        }

        var ids = input.FilledPoints().Select(x => x.Point.VialId!.Value).Distinct().ToList();
        var vials = await db.ToxinVials.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var siteNames = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        foreach (var (index, point) in input.FilledPoints())
        {
            if (!vials.TryGetValue(point.VialId!.Value, out var vial))
            {
                errors.Add(PointError(index, nameof(PointInput.VialId), "choose a vial from the list."));
            }
            else if (site is not null && vial.SiteId != site.Id)
            {
                errors.Add(PointError(index, nameof(PointInput.VialId),
                    $"lot {vial.LotNumber} is at {siteNames.GetValueOrDefault(vial.SiteId, "another site")}, not at {site.Name}; choose a vial at the site of the session."));
            }
            else if (product is not null && vial.ProductId != product.Id)
            {
                errors.Add(PointError(index, nameof(PointInput.VialId),
                    $"lot {vial.LotNumber} is not {product.Name}; every point of a session is of the session's product."));
            }
            else if (vial.ExpiryDate < input.Date.Value)
            {
                errors.Add(PointError(index, nameof(PointInput.VialId),
                    $"lot {vial.LotNumber} expired on {vial.ExpiryDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, before the session."));
            }
        }

        if (errors.Count > 0 || site is null || product is null || start is null)
        {
            return (null, errors);
        }

        var local = DateOnly.FromDateTime(VisitTime.Local(start.Value, site.TimeZoneId));
        return (new Checked(site, product, start.Value, local, vials), errors);
    }

    /// <summary>
    /// Null when the session may be saved: there are no warnings, or the clinician saw every one of them (the codes the
    /// page showed), ticked that they read them and wrote a reason. Otherwise the errors that say what is missing.
    /// </summary>
    public static List<SessionFieldError>? OverrideMissing(SessionInput input, IReadOnlyList<DoseWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            return null;
        }

        var seen = input.AcknowledgedWarnings.ToHashSet(StringComparer.Ordinal);
        if (warnings.Any(w => !seen.Contains(w.Code)))
        {
            return [new("", "The dose rules raised warnings, shown below. To save anyway, tick that you have read them and give your reason.")];
        }

        var errors = new List<SessionFieldError>();
        if (!input.WarningsRead)
        {
            errors.Add(new(nameof(SessionInput.WarningsRead), "Tick that you have read the warnings to save past them."));
        }

        if ((input.OverrideReason?.Trim().Length ?? 0) < OverrideReasonMin)
        {
            errors.Add(new(nameof(SessionInput.OverrideReason), "Write why you are going past the warnings (at least a few words)."));
        }

        return errors.Count == 0 ? null : errors;
    }

    public static void ApplyOverride(InjectionSession session, SessionInput input, IReadOnlyList<DoseWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            session.OverriddenWarnings = null;
            session.OverrideReason = null;
            return;
        }

        session.OverriddenWarnings = string.Join(",", warnings.Select(w => w.Code).Distinct(StringComparer.Ordinal));
        session.OverrideReason = input.OverrideReason!.Trim();
    }

    /// <summary>The points of the form's filled rows; a point without a map position is placed at its muscle's spot.</summary>
    public static List<InjectionPoint> BuildPoints(Guid sessionId, SessionInput input, IReadOnlyDictionary<Guid, ToxinVial> vials)
    {
        var points = new List<InjectionPoint>();
        var order = 0;
        foreach (var (_, row) in input.FilledPoints())
        {
            var point = new InjectionPoint { SessionId = sessionId, Order = order++ };
            Fill(point, row, vials[row.VialId!.Value], points);
            points.Add(point);
        }

        return points;
    }

    public static void Fill(InjectionPoint point, PointInput row, ToxinVial vial, IReadOnlyList<InjectionPoint> placedBefore)
    {
        var code = row.Muscle!.Trim();
        var muscle = ToxinMuscleCatalogue.Find(code)!;
        point.Muscle = muscle.Code;
        point.Side = row.Side!.Value;
        point.Units = row.Units!.Value;
        point.Technique = row.Technique ?? muscle.DefaultTechnique;
        point.VialId = vial.Id;
        point.VolumeMl = vial.SalineMl is { } saline && saline > 0
            ? Reconstitution.VolumeMl(point.Units, Reconstitution.UnitsPer01Ml(vial.UnitsPerVial, saline))
            : 0m;
        if (row.MapX is { } x && row.MapY is { } y)
        {
            point.MapX = x;
            point.MapY = y;
        }
        else
        {
            // No position given (the table without the map): the muscle's own spot, a little lower for each repeat.
            var repeats = placedBefore.Count(p => p.Muscle == muscle.Code && p.Side == point.Side);
            point.MapX = point.Side == AffectedSide.Left ? 1 - muscle.MapX : muscle.MapX;
            point.MapY = Math.Min(1, muscle.MapY + (0.02 * repeats));
        }
    }

    /// <summary>Each built point with the index of the form row it came from (for errors beside that row).</summary>
    public static IEnumerable<(int Index, InjectionPoint Point)> Indexed(SessionInput input, IReadOnlyList<InjectionPoint> points) =>
        input.FilledPoints().Select((x, i) => (x.Index, points[i]));

    public static SessionFieldError PointError(int index, string field, string message) =>
        new($"{nameof(SessionInput.Points)}[{index}].{field}", $"Point {index + 1}: {message}");

    /// <summary>The onset check (day 3–5) and the peak review (day 14–28) of a new session (contract C).</summary>
    public static void AddFollowUps(SpasmCareDbContext db, InjectionSession session, DateOnly sessionDate)
    {
        db.FollowUpTasks.Add(new FollowUpTask
        {
            PatientId = session.PatientId,
            SiteId = session.SiteId,
            Kind = FollowUpKind.ToxinOnsetCheck,
            SourceId = session.Id,
            Milestone = "Onset check",
            DueFrom = sessionDate.AddDays(OnsetFrom),
            DueBy = sessionDate.AddDays(OnsetBy),
        });
        db.FollowUpTasks.Add(new FollowUpTask
        {
            PatientId = session.PatientId,
            SiteId = session.SiteId,
            Kind = FollowUpKind.ToxinPeakReview,
            SourceId = session.Id,
            Milestone = "Peak review",
            DueFrom = sessionDate.AddDays(PeakFrom),
            DueBy = sessionDate.AddDays(PeakBy),
        });
    }

    public const int OnsetFrom = 3;
    public const int OnsetBy = 5;
    public const int PeakFrom = 14;
    public const int PeakBy = 28;

    public static string Detail(int points, decimal total) =>
        string.Create(CultureInfo.InvariantCulture, $"{points} points, {total:0.##} U");
}

internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1620, Level = LogLevel.Information, Message = "Injection session {SessionId} of patient {PatientId} {What}")]
    public static partial void Saved(ILogger logger, Guid sessionId, Guid patientId, string what);

    [LoggerMessage(EventId = 1621, Level = LogLevel.Warning, Message = "A vial changed while a session of patient {PatientId} was saved; nothing saved")]
    public static partial void VialChanged(ILogger logger, Guid patientId);

    [LoggerMessage(EventId = 1622, Level = LogLevel.Warning, Message = "Injection session {SessionId} of patient {PatientId} was changed by someone else; nothing saved")]
    public static partial void Conflict(ILogger logger, Guid sessionId, Guid patientId);
}
