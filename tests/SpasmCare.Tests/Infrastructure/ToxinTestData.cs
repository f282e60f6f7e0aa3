using System.Globalization;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>A site with a toxin product and vials ready to chart a session from.</summary>
public sealed record ToxinChartSetup(Guid SiteId, Guid ProductId, Guid VialId, string Lot);

/// <summary>
/// Toxin products and vials for the session-charting tests, written straight to the database (stock is another
/// module's pages). Vials are received and reconstituted an hour before the fake clock's now, usable for a day, and
/// hold 100 U in 4 mL: 2.5 U per 0.1 mL.
/// </summary>
public static class ToxinTestData
{
    public static Task<Guid> AddChartProductAsync(this AppFactory app, decimal? ratioLow = null, decimal? ratioHigh = null,
        ToxinSubstance substance = ToxinSubstance.OnabotulinumtoxinA) =>
        app.WithDbAsync(async db =>
        {
            var product = new ToxinProduct
            {
                Name = TestData.UniqueWord("Chartox "),
                Substance = substance,
                VialSizes = "100",
                ReferenceRatioLow = ratioLow,
                ReferenceRatioHigh = ratioHigh,
            };
            db.ToxinProducts.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    public static Task<Guid> AddChartVialAsync(this AppFactory app, Guid productId, Guid siteId, string? lot = null,
        DateOnly? expiry = null, bool reconstituted = true, decimal units = 100m, decimal salineMl = 4m) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            var vial = new ToxinVial
            {
                ProductId = productId,
                SiteId = siteId,
                LotNumber = lot ?? UniqueLot(),
                ExpiryDate = expiry ?? new DateOnly(2027, 6, 30),
                UnitsPerVial = units,
                ReceivedAtUtc = now.AddDays(-10),
                Status = reconstituted ? VialStatus.Reconstituted : VialStatus.InStock,
                SalineMl = reconstituted ? salineMl : null,
                ReconstitutedAtUtc = reconstituted ? now.AddHours(-1) : null,
                ReconstitutedByName = reconstituted ? "Test Nurse" : null,
                UseBeforeUtc = reconstituted ? now.AddHours(23) : null,
            };
            db.ToxinVials.Add(vial);
            await db.SaveChangesAsync();
            return vial.Id;
        });

    /// <summary>A new site with a new product (onabotulinumtoxinA-like, ratio unknown) and one reconstituted vial.</summary>
    public static async Task<ToxinChartSetup> AddChartSetupAsync(this AppFactory app)
    {
        var siteId = await app.AddSiteAsync();
        var productId = await app.AddChartProductAsync();
        var lot = UniqueLot();
        var vialId = await app.AddChartVialAsync(productId, siteId, lot);
        return new ToxinChartSetup(siteId, productId, vialId, lot);
    }

    public static string UniqueLot() => "LT" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
}
