using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>One vial with its product, site and ledger: each draw (with the patient it went to) and each waste.</summary>
public static class VialDetails
{
    public sealed record Entry(DateTime AtUtc, VialEntryKind Kind, decimal Units, string? Reason, Guid? SessionId, Guid? PatientId,
        string? PatientName, string? Mrn, string? ByName);

    public sealed record View(ToxinVial Vial, ToxinProduct Product, Site Site, bool Recalled, DateOnly SiteToday, IReadOnlyList<Entry> Entries)
    {
        public decimal? UnitsPer01Ml => Vial.SalineMl is > 0 ? ReconstituteVial.Concentration(Vial.UnitsPerVial, Vial.SalineMl.Value) : null;
        public IEnumerable<Guid> Patients => Entries.Where(e => e.PatientId is not null).Select(e => e.PatientId!.Value).Distinct();
    }

    public sealed class Query(SpasmCareDbContext db, TimeProvider time)
    {
        /// <summary>The vial; with its ledger (and so the patients it went to) unless withLedger is false, as on the action pages.</summary>
        public async Task<View?> HandleAsync(Guid vialId, bool withLedger, CancellationToken ct)
        {
            var vial = await db.ToxinVials.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vialId, ct);
            if (vial is null)
            {
                return null;
            }

            var product = await db.ToxinProducts.AsNoTracking().FirstAsync(p => p.Id == vial.ProductId, ct);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == vial.SiteId, ct);
            var recalled = await db.ToxinLotRecalls.AnyAsync(r => r.ProductId == vial.ProductId && r.LotNumber == vial.LotNumber, ct);
            var today = VialLedger.SiteToday(site.TimeZoneId, Clock.UtcNow(time));
            if (!withLedger)
            {
                return new View(vial, product, site, recalled, today, []);
            }

            var rows = await db.ToxinVialEntries.AsNoTracking().Where(e => e.VialId == vialId).ToListAsync(ct);
            var patientIds = rows.Where(e => e.PatientId is not null).Select(e => e.PatientId!.Value).Distinct().ToList();
            var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
                .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Mrn }).ToListAsync(ct);
            var userIds = rows.Where(e => e.By is not null).Select(e => e.By!.Value).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            var entries = rows
                .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e =>
                {
                    var p = patients.FirstOrDefault(x => x.Id == e.PatientId);
                    return new Entry(e.AtUtc, e.Kind, e.Units, e.Reason, e.SessionId, e.PatientId,
                        p is null ? null : PatientFormats.FullName(p.GivenName, p.FamilyName), p?.Mrn,
                        users.FirstOrDefault(u => u.Id == e.By)?.DisplayName);
                })
                .ToList();
            return new View(vial, product, site, recalled, today, entries);
        }
    }
}
