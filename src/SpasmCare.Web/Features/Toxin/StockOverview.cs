using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// A site's toxin stock: sealed vials per product with the low-stock alert, sealed lots with their expiry, open vials
/// with units left and use-before time, and the alerts that need someone to act (expired, expiring within
/// <see cref="ExpiringWithinDays"/> days, recalled, past use-before, low stock). Holds no patient data.
/// </summary>
public static class StockOverview
{
    public const int ExpiringWithinDays = 30;

    public sealed record ProductStock(Guid ProductId, string Name, ToxinSubstance Substance, int Unopened, int LowStockVials, bool IsLow);

    public sealed record LotStock(Guid ProductId, string ProductName, string Lot, DateOnly Expiry, decimal UnitsPerVial,
        IReadOnlyList<Guid> VialIds, bool Expired, bool ExpiringSoon, bool Recalled)
    {
        public int Count => VialIds.Count;
        public bool Usable => !Expired && !Recalled;
    }

    public sealed record OpenVial(Guid Id, string ProductName, string Lot, DateOnly Expiry, decimal UnitsPerVial, decimal SalineMl,
        decimal UnitsPer01Ml, decimal UnitsLeft, DateTime ReconstitutedAtUtc, DateTime UseBeforeUtc, string? ReconstitutedBy,
        bool PastUseBefore, bool Expired, bool Recalled)
    {
        public bool Usable => !PastUseBefore && !Expired && !Recalled && UnitsLeft > 0;
    }

    /// <summary>An alert; Danger is true for what must not be used (expired, recalled, past use-before), false for warnings.</summary>
    public sealed record StockAlert(bool Danger, string Message, Guid? VialId);

    public sealed record View(Site Site, DateOnly Today, IReadOnlyList<ProductStock> Products, IReadOnlyList<LotStock> Sealed,
        IReadOnlyList<OpenVial> Open, IReadOnlyList<StockAlert> Alerts);

    public sealed class Query(SpasmCareDbContext db, TimeProvider time)
    {
        public async Task<View?> HandleAsync(Guid siteId, CancellationToken ct)
        {
            var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct);
            if (site is null)
            {
                return null;
            }

            var now = Clock.UtcNow(time);
            var today = VialLedger.SiteToday(site.TimeZoneId, now);
            var products = await db.ToxinProducts.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
            var names = products.ToDictionary(p => p.Id, p => p.Name);
            var vials = await db.ToxinVials.AsNoTracking()
                .Where(v => v.SiteId == siteId && (v.Status == VialStatus.InStock || v.Status == VialStatus.Reconstituted))
                .ToListAsync(ct);
            var recalled = (await db.ToxinLotRecalls.AsNoTracking().Select(r => new { r.ProductId, r.LotNumber }).ToListAsync(ct))
                .Select(r => (r.ProductId, r.LotNumber)).ToHashSet();
            bool IsRecalled(ToxinVial v) => recalled.Contains((v.ProductId, v.LotNumber));

            var sealedLots = vials.Where(v => v.Status == VialStatus.InStock)
                .GroupBy(v => (v.ProductId, v.LotNumber, v.ExpiryDate, v.UnitsPerVial))
                .Select(g => new LotStock(g.Key.ProductId, names.GetValueOrDefault(g.Key.ProductId, "?"), g.Key.LotNumber, g.Key.ExpiryDate,
                    g.Key.UnitsPerVial, g.OrderBy(v => v.Id).Select(v => v.Id).ToList(), g.Key.ExpiryDate < today,
                    g.Key.ExpiryDate >= today && g.Key.ExpiryDate <= today.AddDays(ExpiringWithinDays), IsRecalled(g.First())))
                .OrderBy(l => l.ProductName, StringComparer.Ordinal).ThenBy(l => l.Expiry).ThenBy(l => l.Lot, StringComparer.Ordinal)
                .ToList();

            var open = vials.Where(v => v.Status == VialStatus.Reconstituted)
                .Select(v => new OpenVial(v.Id, names.GetValueOrDefault(v.ProductId, "?"), v.LotNumber, v.ExpiryDate, v.UnitsPerVial,
                    v.SalineMl ?? 0, v.SalineMl is > 0 ? ReconstituteVial.Concentration(v.UnitsPerVial, v.SalineMl.Value) : 0, v.UnitsLeft,
                    v.ReconstitutedAtUtc ?? default, v.UseBeforeUtc ?? default, v.ReconstitutedByName,
                    v.UseBeforeUtc is not { } before || now >= before, v.ExpiryDate < today, IsRecalled(v)))
                .OrderBy(v => v.UseBeforeUtc).ToList();

            var stock = products
                .Where(p => p.IsActive || sealedLots.Any(l => l.ProductId == p.Id))
                .Select(p =>
                {
                    var unopened = sealedLots.Where(l => l.ProductId == p.Id && l.Usable).Sum(l => l.Count);
                    return new ProductStock(p.Id, p.Name, p.Substance, unopened, p.LowStockVials, p.IsActive && unopened < p.LowStockVials);
                })
                .ToList();

            return new View(site, today, stock, sealedLots, open, Alerts(site, today, stock, sealedLots, open));
        }
    }

    private static List<StockAlert> Alerts(Site site, DateOnly today, IReadOnlyList<ProductStock> stock, IReadOnlyList<LotStock> lots,
        IReadOnlyList<OpenVial> open)
    {
        var alerts = new List<StockAlert>();
        foreach (var lot in lots.Where(l => l.Recalled))
        {
            alerts.Add(new(true, $"{lot.ProductName} lot {lot.Lot} has been recalled: {Vials(lot.Count)} sealed here. Discard them.", lot.VialIds[0]));
        }

        foreach (var vial in open.Where(v => v.Recalled))
        {
            alerts.Add(new(true, $"Open {vial.ProductName} vial, lot {vial.Lot}, has been recalled. Discard it.", vial.Id));
        }

        foreach (var lot in lots.Where(l => l.Expired && !l.Recalled))
        {
            alerts.Add(new(true, $"{lot.ProductName} lot {lot.Lot} expired on {lot.Expiry:d MMM yyyy}: {Vials(lot.Count)} sealed here. Discard them.", lot.VialIds[0]));
        }

        foreach (var vial in open.Where(v => !v.Recalled && (v.Expired || v.PastUseBefore) && v.UnitsLeft > 0))
        {
            var why = vial.Expired ? $"expired on {vial.Expiry:d MMM yyyy}" : $"was to be used before {VisitTime.Show(vial.UseBeforeUtc, site.TimeZoneId)}";
            alerts.Add(new(true, $"Open {vial.ProductName} vial, lot {vial.Lot}, {why}: discard the {VialLedger.Units(vial.UnitsLeft)} U left.", vial.Id));
        }

        foreach (var lot in lots.Where(l => l.ExpiringSoon && !l.Recalled))
        {
            var days = lot.Expiry.DayNumber - today.DayNumber;
            var when = days == 0 ? "today" : days == 1 ? "tomorrow" : $"in {days} days";
            alerts.Add(new(false, $"{lot.ProductName} lot {lot.Lot} expires {when} ({lot.Expiry:d MMM yyyy}): {Vials(lot.Count)} sealed here.", lot.VialIds[0]));
        }

        foreach (var product in stock.Where(p => p.IsLow))
        {
            alerts.Add(new(false, $"Low stock: {Vials(product.Unopened)} of {product.Name} left (alert below {product.LowStockVials}).", null));
        }

        return alerts;
    }

    public static string Vials(int count) => count == 1 ? "1 vial" : $"{count} vials";

    /// <summary>The site a user sees first: the one asked for if it exists, else their first open site, else the first open site.</summary>
    public static async Task<Site?> ChooseSiteAsync(SpasmCareDbContext db, Guid? asked, Guid? userId, CancellationToken ct)
    {
        var sites = await SiteList.ActiveAsync(db, ct);
        if (asked is { } id)
        {
            return sites.FirstOrDefault(s => s.Id == id)
                ?? await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        }

        if (userId is { } me)
        {
            var mine = await db.UserSites.AsNoTracking().Where(u => u.UserId == me).Select(u => u.SiteId).ToListAsync(ct);
            if (sites.FirstOrDefault(s => mine.Contains(s.Id)) is { } site)
            {
                return site;
            }
        }

        return sites.Count > 0 ? sites[0] : null;
    }
}
