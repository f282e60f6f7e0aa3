using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The one place units leave or come back to a reconstituted vial. Each call adds a <see cref="ToxinVialEntry"/> and
/// moves the vial's running totals; the caller saves both in its own SaveChanges. The vial's <c>Version</c> is a
/// concurrency token, so when two people draw from the same vial at once the second save fails with
/// <see cref="DbUpdateConcurrencyException"/> instead of overdrawing it: the caller says "The vial changed while you
/// were saving; check and save again" (see <see cref="ConflictMessage"/>).
/// </summary>
public static class VialLedger
{
    public const string ConflictMessage = "The vial changed while you were saving; check and save again.";

    /// <summary>
    /// Draws <paramref name="units"/> for an injection point of a session. Refuses (RuleException, field "Units" or
    /// "VialId") a vial that is not reconstituted, finished or discarded, past its use-before time, past its expiry
    /// date (in the site's zone), of a recalled lot, at another site or of another product than the session (when the
    /// session is known to this context), or with fewer units left than asked.
    /// </summary>
    public static void Draw(SpasmCareDbContext db, ToxinVial vial, decimal units, Guid sessionId, Guid patientId,
        DateTime nowUtc, Guid? by)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(vial);
        if (units <= 0)
        {
            throw new RuleException("vial-units", "The units drawn must be more than zero.", "Units", 400);
        }

        if (Refusal(db, vial, nowUtc) is { } refusal)
        {
            throw new RuleException(refusal.Code, refusal.Message, "VialId");
        }

        if (db.InjectionSessions.Find(sessionId) is { } session)
        {
            if (session.SiteId != vial.SiteId)
            {
                throw new RuleException("vial-other-site", $"Vial {Describe(vial)} is kept at another site than this session's.", "VialId");
            }

            if (session.ProductId != vial.ProductId)
            {
                throw new RuleException("vial-other-product", $"Vial {Describe(vial)} holds another product than this session's.", "VialId");
            }
        }

        if (units > vial.UnitsLeft)
        {
            throw new RuleException("vial-not-enough",
                $"Vial {Describe(vial)} has {Units(vial.UnitsLeft)} U left; {Units(units)} U cannot be drawn from it.", "Units");
        }

        vial.UnitsDrawn += units;
        if (vial.UnitsLeft == 0)
        {
            vial.Status = VialStatus.Finished;
        }

        db.ToxinVialEntries.Add(new ToxinVialEntry
        {
            VialId = vial.Id,
            Kind = VialEntryKind.Draw,
            Units = units,
            SessionId = sessionId,
            PatientId = patientId,
            AtUtc = nowUtc,
            By = by,
        });
    }

    /// <summary>
    /// Gives back units a session drew (the session was corrected or entered in error): a Draw entry with negative
    /// units. At most what the session drew from this vial can be returned. A finished vial opens again; a discarded
    /// vial records the returned units as waste at once (its remainder was already thrown away).
    /// </summary>
    public static void Return(SpasmCareDbContext db, ToxinVial vial, decimal units, Guid sessionId, Guid patientId,
        DateTime nowUtc, Guid? by, string reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(vial);
        if (units <= 0)
        {
            throw new RuleException("vial-units", "The units returned must be more than zero.", "Units", 400);
        }

        var drawn = DrawnBySession(db, vial.Id, sessionId);
        if (units > drawn)
        {
            throw new RuleException("vial-return-too-much",
                $"This session drew {Units(drawn)} U from vial {Describe(vial)}; {Units(units)} U cannot be returned to it.", "Units");
        }

        var why = Clean(reason, 500);
        vial.UnitsDrawn -= units;
        db.ToxinVialEntries.Add(new ToxinVialEntry
        {
            VialId = vial.Id,
            Kind = VialEntryKind.Draw,
            Units = -units,
            SessionId = sessionId,
            PatientId = patientId,
            Reason = why,
            AtUtc = nowUtc,
            By = by,
        });

        if (vial.Status == VialStatus.Discarded)
        {
            vial.UnitsWasted += units;
            db.ToxinVialEntries.Add(new ToxinVialEntry
            {
                VialId = vial.Id,
                Kind = VialEntryKind.Waste,
                Units = units,
                Reason = Clean("Returned to a discarded vial: " + why, 500),
                AtUtc = nowUtc,
                By = by,
            });
        }
        else if (vial.Status == VialStatus.Finished && vial.UnitsLeft > 0)
        {
            vial.Status = VialStatus.Reconstituted;
        }
    }

    /// <summary>
    /// Vials that can be drawn from now at a site (optionally of one product): reconstituted, within their use-before
    /// time and expiry date, of a lot not recalled, with units left. Soonest use-before first.
    /// </summary>
    public static async Task<IReadOnlyList<ToxinVial>> UsableAsync(SpasmCareDbContext db, Guid siteId, Guid? productId,
        DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.ToxinVials.Where(v => v.SiteId == siteId && v.Status == VialStatus.Reconstituted && v.UseBeforeUtc > nowUtc);
        if (productId is { } product)
        {
            query = query.Where(v => v.ProductId == product);
        }

        var vials = await query.ToListAsync(ct);
        if (vials.Count == 0)
        {
            return [];
        }

        var today = await SiteTodayAsync(db, siteId, nowUtc, ct);
        var productIds = vials.Select(v => v.ProductId).Distinct().ToList();
        var recalled = (await db.ToxinLotRecalls.Where(r => productIds.Contains(r.ProductId))
                .Select(r => new { r.ProductId, r.LotNumber }).ToListAsync(ct))
            .Select(r => (r.ProductId, r.LotNumber)).ToHashSet();
        return vials
            .Where(v => v.UnitsLeft > 0 && v.ExpiryDate >= today && !recalled.Contains((v.ProductId, v.LotNumber)))
            .OrderBy(v => v.UseBeforeUtc).ThenBy(v => v.LotNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Why a vial cannot be drawn from now, or null when it can (units apart).</summary>
    public static (string Code, string Message)? Refusal(SpasmCareDbContext db, ToxinVial vial, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(vial);
        switch (vial.Status)
        {
            case VialStatus.InStock:
                return ("vial-not-reconstituted", $"Vial {Describe(vial)} has not been reconstituted.");
            case VialStatus.Finished:
                return ("vial-finished", $"Vial {Describe(vial)} is empty.");
            case VialStatus.Discarded:
                return ("vial-discarded", $"Vial {Describe(vial)} was discarded.");
            case VialStatus.Reconstituted:
            default:
                break;
        }

        if (vial.UseBeforeUtc is not { } useBefore || nowUtc >= useBefore)
        {
            return ("vial-use-before", $"Vial {Describe(vial)} is past its use-before time.");
        }

        if (vial.ExpiryDate < SiteToday(db.Sites.Find(vial.SiteId)?.TimeZoneId, nowUtc))
        {
            return ("vial-expired", $"Vial {Describe(vial)} expired on {vial.ExpiryDate:d MMM yyyy}.");
        }

        if (IsRecalled(db, vial.ProductId, vial.LotNumber))
        {
            return ("vial-recalled", $"Lot {vial.LotNumber} has been recalled; vial {Describe(vial)} cannot be used.");
        }

        return null;
    }

    /// <summary>Whether a lot of a product is recalled (recalls recorded in this context but not yet saved count).</summary>
    public static bool IsRecalled(SpasmCareDbContext db, Guid productId, string lotNumber)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lot = NormaliseLot(lotNumber);
        return db.ToxinLotRecalls.Local.Any(r => r.ProductId == productId && r.LotNumber == lot)
            || db.ToxinLotRecalls.Any(r => r.ProductId == productId && r.LotNumber == lot);
    }

    /// <summary>
    /// Saves a stock change whose audit row the caller has recorded. When the vial changed in the meantime (its
    /// Version no longer matches), nothing is saved: a failed audit row is written instead and a RuleException with
    /// <see cref="ConflictMessage"/> is thrown, which the page shows above the form.
    /// </summary>
    public static async Task SaveAsync(SpasmCareDbContext db, AuditLog audit, AuditAction action, Guid vialId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            audit.Record(action, "ToxinVial", vialId.ToString(), null, AuditOutcome.Failed, StatusCodes.Status409Conflict, "stale version");
            await db.SaveChangesAsync(ct);
            throw new RuleException("vial-conflict", ConflictMessage);
        }
    }

    /// <summary>Today's date at a site (vials expire at the end of their expiry date, in the site's zone).</summary>
    public static DateOnly SiteToday(string? timeZoneId, DateTime nowUtc) =>
        DateOnly.FromDateTime(VisitTime.Local(nowUtc, timeZoneId ?? Sites.Site.DefaultTimeZone));

    /// <summary>Lot numbers are kept trimmed and upper-case, so "ab12 " and "AB12" are one lot.</summary>
    public static string NormaliseLot(string? lot) => (lot ?? "").Trim().ToUpperInvariant();

    /// <summary>"lot AB12, exp 2027-03-31" — how a vial is named in messages.</summary>
    public static string Describe(ToxinVial vial)
    {
        ArgumentNullException.ThrowIfNull(vial);
        return $"{vial.LotNumber} ({Units(vial.UnitsPerVial)} U, exp {vial.ExpiryDate:yyyy-MM-dd})";
    }

    /// <summary>Units as people write them: "2.5", "100", never "100.00".</summary>
    public static string Units(decimal units) =>
        units.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<DateOnly> SiteTodayAsync(SpasmCareDbContext db, Guid siteId, DateTime nowUtc, CancellationToken ct)
    {
        var zone = await db.Sites.Where(s => s.Id == siteId).Select(s => s.TimeZoneId).FirstOrDefaultAsync(ct)
            ?? Sites.Site.DefaultTimeZone;
        return SiteToday(zone, nowUtc);
    }

    private static decimal DrawnBySession(SpasmCareDbContext db, Guid vialId, Guid sessionId)
    {
        var saved = db.ToxinVialEntries
            .Where(e => e.VialId == vialId && e.SessionId == sessionId && e.Kind == VialEntryKind.Draw)
            .Select(e => new { e.Id, e.Units }).ToList();
        var savedIds = saved.Select(e => e.Id).ToHashSet();
        var pending = db.ToxinVialEntries.Local
            .Where(e => e.VialId == vialId && e.SessionId == sessionId && e.Kind == VialEntryKind.Draw && !savedIds.Contains(e.Id))
            .Sum(e => e.Units);
        return saved.Sum(e => e.Units) + pending;
    }

    private static string Clean(string? text, int max)
    {
        var t = (text ?? "").Trim();
        return t.Length <= max ? t : t[..max];
    }
}
