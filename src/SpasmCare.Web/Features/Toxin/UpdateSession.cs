using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Correct a session. A session saved by someone else since the form was opened is not overwritten (the conflict is
/// shown). Changed points move units in the vial ledger by the difference per vial: more drawn, or returned.
/// </summary>
public static class UpdateSession
{
    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, ILogger<Handler> logger)
    {
        public async Task<SessionOutcome> HandleAsync(Guid patientId, Guid sessionId, SessionInput input, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(input);
            var session = await db.InjectionSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, ct);
            var born = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => (DateOnly?)p.BirthDate).FirstOrDefaultAsync(ct);
            if (session is null || born is null)
            {
                return SessionOutcome.Missing;
            }

            if (session.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This session is marked as entered in error; it can no longer be changed.");
            }

            if (session.Version != input.Version)
            {
                return new SessionOutcome { Conflict = await ConflictAsync(session, input, ct) };
            }

            var now = Clock.UtcNow(time);
            var (ok, errors) = await SessionRules.CheckAsync(db, now, born.Value, input, session, ct);
            if (ok is null)
            {
                return new SessionOutcome { Errors = errors };
            }

            var settings = await ToxinRuleSettings.LoadAsync(db, ct);
            var check = await SessionDoseCheck.BuildAsync(db, patientId, sessionId, ok.InjectedAtUtc, ok.LocalDate, input.Indication!.Value,
                ok.Product, input.IsBooster, input.Planned(), ct);
            var warnings = DoseRules.Evaluate(check, settings);
            if (SessionRules.OverrideMissing(input, warnings) is { } refusal)
            {
                return new SessionOutcome { Warnings = warnings, Errors = refusal };
            }

            var oldDate = DateOnly.FromDateTime(Assessments.VisitTime.Local(session.InjectedAtUtc, ok.Site.TimeZoneId));
            session.SiteId = ok.Site.Id;
            session.InjectedAtUtc = ok.InjectedAtUtc;
            session.Indication = input.Indication.Value;
            session.SpasmSide = input.SpasmSide!.Value;
            session.ProductId = ok.Product.Id;
            session.IsBooster = input.IsBooster;
            session.Note = SessionInput.Clean(input.Note);
            SessionRules.ApplyOverride(session, input, warnings);

            var existing = await db.InjectionPoints.Where(p => p.SessionId == sessionId).OrderBy(p => p.Order).ToListAsync(ct);
            var pointsChanged = ReplacePoints(session.Id, input, ok.Vials, existing);
            var current = db.InjectionPoints.Local.Where(p => p.SessionId == sessionId && db.Entry(p).State != EntityState.Deleted).ToList();
            session.TotalUnits = current.Sum(p => p.Units);

            var drawErrors = await MoveUnitsAsync(patientId, session, input, current, ok.Vials, now, ct);
            if (drawErrors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new SessionOutcome { Errors = drawErrors };
            }

            if (ok.LocalDate != oldDate)
            {
                await MoveFollowUpsAsync(sessionId, ok.LocalDate.DayNumber - oldDate.DayNumber, ct);
            }

            if (!pointsChanged && !db.ChangeTracker.HasChanges())
            {
                return new SessionOutcome { Session = session };
            }

            // Points are not versioned themselves: a change to them is a change to the session.
            session.Version = Guid.CreateVersion7();
            audit.Record(AuditAction.InjectionSessionUpdated, RecordSession.Subject, sessionId.ToString(), patientId,
                detail: SessionRules.Detail(current.Count, session.TotalUnits));
            if (session.OverriddenWarnings is not null)
            {
                audit.Record(AuditAction.DoseWarningOverridden, RecordSession.Subject, sessionId.ToString(), patientId, detail: session.OverriddenWarnings);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                db.ChangeTracker.Clear();
                if (ex.Entries.Any(e => e.Entity is InjectionSession))
                {
                    var saved = await db.InjectionSessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
                    return new SessionOutcome { Conflict = await ConflictAsync(saved, input, ct) };
                }

                audit.Record(AuditAction.InjectionSessionUpdated, RecordSession.Subject, sessionId.ToString(), patientId,
                    AuditOutcome.Failed, StatusCodes.Status409Conflict, "vial changed");
                await db.SaveChangesAsync(ct);
                SessionLog.VialChanged(logger, patientId);
                return new SessionOutcome { VialChanged = true };
            }

            SessionLog.Saved(logger, sessionId, patientId, "updated");
            return new SessionOutcome { Session = session };
        }

        /// <summary>Updates the rows in place, adds new ones and removes the extra; true when anything changed.</summary>
        private bool ReplacePoints(Guid sessionId, SessionInput input, Dictionary<Guid, ToxinVial> vials, List<InjectionPoint> existing)
        {
            var rows = input.FilledPoints();
            var placed = new List<InjectionPoint>();
            var changed = rows.Count != existing.Count;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i].Point;
                var point = i < existing.Count ? existing[i] : new InjectionPoint { SessionId = sessionId, Order = i };
                SessionRules.Fill(point, row, vials[row.VialId!.Value], placed);
                point.Order = i;
                if (i >= existing.Count)
                {
                    db.InjectionPoints.Add(point);
                }
                else if (db.Entry(point).State == EntityState.Modified)
                {
                    changed = true;
                }

                placed.Add(point);
            }

            for (var i = rows.Count; i < existing.Count; i++)
            {
                db.InjectionPoints.Remove(existing[i]);
            }

            return changed;
        }

        /// <summary>
        /// Draws more from a vial whose points now hold more units than the session has drawn from it, and returns the
        /// surplus of one that holds fewer (or none). Errors come back beside the first row using that vial.
        /// </summary>
        private async Task<List<SessionFieldError>> MoveUnitsAsync(Guid patientId, InjectionSession session, SessionInput input,
            IReadOnlyList<InjectionPoint> points, Dictionary<Guid, ToxinVial> vials, DateTime now, CancellationToken ct)
        {
            var entries = await db.ToxinVialEntries.AsNoTracking()
                .Where(e => e.SessionId == session.Id && e.Kind == VialEntryKind.Draw)
                .Select(e => new { e.VialId, e.Units })
                .ToListAsync(ct);
            var drawn = entries.GroupBy(e => e.VialId).ToDictionary(g => g.Key, g => g.Sum(e => e.Units));
            var wanted = points.GroupBy(p => p.VialId).ToDictionary(g => g.Key, g => g.Sum(p => p.Units));
            var rowOf = input.FilledPoints().GroupBy(x => x.Point.VialId!.Value).ToDictionary(g => g.Key, g => g.First().Index);
            var errors = new List<SessionFieldError>();
            foreach (var vialId in drawn.Keys.Union(wanted.Keys))
            {
                var difference = wanted.GetValueOrDefault(vialId) - drawn.GetValueOrDefault(vialId);
                if (difference == 0)
                {
                    continue;
                }

                if (!vials.TryGetValue(vialId, out var vial))
                {
                    vial = await db.ToxinVials.FirstAsync(v => v.Id == vialId, ct);
                    vials[vialId] = vial;
                }

                try
                {
                    if (difference > 0)
                    {
                        VialLedger.Draw(db, vial, difference, session.Id, patientId, now, user.UserId);
                    }
                    else
                    {
                        VialLedger.Return(db, vial, -difference, session.Id, patientId, now, user.UserId, "Session corrected");
                    }
                }
                catch (RuleException rule)
                {
                    errors.Add(rowOf.TryGetValue(vialId, out var index)
                        ? SessionRules.PointError(index, nameof(PointInput.VialId), rule.Message)
                        : new SessionFieldError("", rule.Message));
                }
            }

            return errors;
        }

        private async Task MoveFollowUpsAsync(Guid sessionId, int days, CancellationToken ct)
        {
            var kinds = ToxinFollowUps.Kinds.ToList();
            var open = await db.FollowUpTasks
                .Where(t => t.SourceId == sessionId && kinds.Contains(t.Kind) && t.Status == FollowUpStatus.Open)
                .ToListAsync(ct);
            foreach (var task in open)
            {
                task.DueFrom = task.DueFrom.AddDays(days);
                task.DueBy = task.DueBy.AddDays(days);
            }
        }

        private async Task<EditConflict> ConflictAsync(InjectionSession current, SessionInput input, CancellationToken ct)
        {
            SessionLog.Conflict(logger, current.Id, current.PatientId);
            audit.Record(AuditAction.InjectionSessionUpdated, RecordSession.Subject, current.Id.ToString(), current.PatientId,
                AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);

            var site = await db.Sites.AsNoTracking().Where(s => s.Id == current.SiteId).Select(s => s.TimeZoneId).FirstAsync(ct);
            var points = await db.InjectionPoints.AsNoTracking().Where(p => p.SessionId == current.Id).ToListAsync(ct);
            var saved = SessionInput.From(current, points, site);
            var ids = saved.Points.Select(p => p.VialId).Concat(input.Points.Select(p => p.VialId)).OfType<Guid>().Distinct().ToList();
            var lots = await db.ToxinVials.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.LotNumber, ct);
            var siteIds = new[] { saved.SiteId, input.SiteId }.OfType<Guid>().ToList();
            var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
            var productIds = new[] { saved.ProductId, input.ProductId }.OfType<Guid>().ToList();
            var products = await db.ToxinProducts.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            string Name(Dictionary<Guid, string> names, Guid? id) => id is { } key && names.TryGetValue(key, out var name) ? name : "—";
            return await EditConflict.ExplainAsync(db, current,
                saved.Describe(id => Name(sites, id), id => Name(products, id), id => Name(lots, id)),
                input.Describe(id => Name(sites, id), id => Name(products, id), id => Name(lots, id)), ct);
        }
    }
}
