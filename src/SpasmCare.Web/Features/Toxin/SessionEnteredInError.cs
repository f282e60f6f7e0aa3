using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Mark a session charted by mistake, with a reason. Nothing is deleted: the session stays, marked; the units its
/// points drew go back to their vials (a return in each vial's ledger) and its open follow-up tasks are cancelled.
/// </summary>
public static class SessionEnteredInError
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Give the reason, such as \"charted for the wrong patient\".")]
        [StringLength(500, MinimumLength = 3, ErrorMessage = "The reason must be between {2} and {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, ILogger<Handler> logger)
    {
        /// <returns>The session, or null when there is none. Throws a rule error on a stale version or a repeat.</returns>
        public async Task<InjectionSession?> HandleAsync(Guid patientId, Guid sessionId, Request request, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var session = await db.InjectionSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.PatientId == patientId, ct);
            if (session is null)
            {
                return null;
            }

            if (session.EnteredInError)
            {
                throw new RuleException("entered-in-error", "This session is already marked as entered in error.");
            }

            if (session.Version != request.Version)
            {
                throw Stale();
            }

            var now = Clock.UtcNow(time);
            var reason = request.Reason.Trim();
            var entries = await db.ToxinVialEntries.AsNoTracking()
                .Where(e => e.SessionId == sessionId && e.Kind == VialEntryKind.Draw)
                .Select(e => new { e.VialId, e.Units })
                .ToListAsync(ct);
            var net = entries.GroupBy(e => e.VialId).Select(g => (VialId: g.Key, Units: g.Sum(e => e.Units))).Where(x => x.Units > 0).ToList();
            var ids = net.Select(x => x.VialId).ToList();
            var vials = await db.ToxinVials.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
            foreach (var (vialId, units) in net)
            {
                VialLedger.Return(db, vials[vialId], units, sessionId, patientId, now, user.UserId, "Session entered in error: " + reason);
            }

            await ToxinFollowUps.CancelFor(db, sessionId, now, user.UserId, "session entered in error", ct);
            session.EnteredInError = true;
            session.EnteredInErrorReason = reason;
            audit.Record(AuditAction.InjectionSessionEnteredInError, RecordSession.Subject, sessionId.ToString(), patientId);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                throw Stale();
            }

            SessionLog.Saved(logger, sessionId, patientId, "entered in error");
            return session;
        }

        private static RuleException Stale() =>
            new("stale-version", "Someone else changed this session, or one of its vials, after you opened it. Nothing was changed; check and confirm again.");
    }
}
