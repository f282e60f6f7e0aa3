using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Tests.Features.Toxin.Stock;

/// <summary>Sites, products, vials and sessions for the stock and recall tests, made the way staff make them where a page exists.</summary>
public static class StockPages
{
    /// <summary>A new open site of its own, so tests sharing a database never see each other's stock.</summary>
    public static async Task<Guid> CreateSiteAsync(this AppFactory app, string zone = Site.DefaultTimeZone)
    {
        var site = new Site
        {
            Name = TestData.UniqueWord("Stocksite"), Kind = SiteKind.Clinic, Address = "1 Test Road", City = "Pune", PinCode = "411001",
            Phone = "020 1234 5678", TimeZoneId = zone,
        };
        return await app.WithDbAsync(async db =>
        {
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            return site.Id;
        });
    }

    public static Task<Guid> ProductIdAsync(this AppFactory app, string name) =>
        app.WithDbAsync(db => db.ToxinProducts.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    public static string UniqueLot() => "L" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, string> ReceiveFields(Guid siteId, Guid productId, string lot, string expiry = "2027-06-30",
        int size = 100, int count = 1) => new()
    {
        ["Input.ProductId"] = productId.ToString(),
        ["Input.SiteId"] = siteId.ToString(),
        ["Input.LotNumber"] = lot,
        ["Input.ExpiryDate"] = expiry,
        ["Input.UnitsPerVial"] = size.ToString(CultureInfo.InvariantCulture),
        ["Input.Count"] = count.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Receives vials through the Receive page and returns their ids.</summary>
    public static async Task<List<Guid>> ReceiveAsync(this AppFactory app, HttpClient client, Guid siteId, Guid productId, string lot,
        string expiry = "2027-06-30", int size = 100, int count = 1)
    {
        (await client.PostFormAsync($"/Toxin/Stock/Receive?siteId={siteId}", ReceiveFields(siteId, productId, lot, expiry, size, count))).EnsureRedirect();
        var normal = lot.Trim().ToUpperInvariant();
        return await app.WithDbAsync(db => db.ToxinVials.Where(v => v.SiteId == siteId && v.LotNumber == normal).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
    }

    /// <summary>Posts the reconstitution form with the date, time and version the page offers.</summary>
    public static async Task<HttpResponseMessage> ReconstituteAsync(this HttpClient client, Guid vialId, string saline = "4",
        Action<Dictionary<string, string>>? change = null)
    {
        var url = $"/Toxin/Stock/Reconstitute/{vialId}";
        var html = await client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["Input.SalineMl"] = saline,
            ["Input.Date"] = PageHtml.ValueOf(html, "Input.Date"),
            ["Input.Time"] = PageHtml.ValueOf(html, "Input.Time"),
            ["Input.Version"] = PageHtml.ValueOf(html, "Input.Version"),
        };
        change?.Invoke(fields);
        return await client.PostFormAsync(url, fields);
    }

    /// <summary>Posts a form whose hidden Input.Version comes from the page itself.</summary>
    public static async Task<HttpResponseMessage> PostVialFormAsync(this HttpClient client, string url, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(url);
        fields.TryAdd("Input.Version", PageHtml.ValueOf(html, "Input.Version"));
        return await client.PostFormAsync(url, fields);
    }

    /// <summary>A vial put straight into the database (for states the pages refuse to create, such as already expired).</summary>
    public static async Task<Guid> AddVialAsync(this AppFactory app, Guid siteId, Guid productId, string lot, DateOnly expiry,
        VialStatus status = VialStatus.InStock, decimal units = 100, decimal? salineMl = null, DateTime? useBeforeUtc = null)
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var vial = new ToxinVial
        {
            ProductId = productId, SiteId = siteId, LotNumber = lot, ExpiryDate = expiry, UnitsPerVial = units, ReceivedAtUtc = now,
            Status = status,
        };
        if (status == VialStatus.Reconstituted)
        {
            vial.SalineMl = salineMl ?? 4;
            vial.ReconstitutedAtUtc = now.AddHours(-1);
            vial.UseBeforeUtc = useBeforeUtc ?? now.AddHours(23);
        }

        return await app.WithDbAsync(async db =>
        {
            db.ToxinVials.Add(vial);
            await db.SaveChangesAsync();
            return vial.Id;
        });
    }

    public static async Task RecallAsync(this AppFactory app, Guid productId, string lot)
    {
        await app.WithDbAsync(async db =>
        {
            db.ToxinLotRecalls.Add(new ToxinLotRecall { ProductId = productId, LotNumber = lot, Reason = "Test recall", RecalledAtUtc = app.Time.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>An injection session at a site that drew <paramref name="units"/> from a vial, saved the way the session pages save it.</summary>
    public static Task<Guid> SessionWithDrawAsync(this AppFactory app, Guid patientId, Guid siteId, Guid vialId, decimal units,
        string clinician = "Dr Test Clinician") =>
        app.SessionWithDrawsAsync(patientId, siteId, [(vialId, units)], clinician);

    /// <summary>One session whose points drew from one or more vials.</summary>
    public static async Task<Guid> SessionWithDrawsAsync(this AppFactory app, Guid patientId, Guid siteId,
        IReadOnlyList<(Guid Vial, decimal Units)> draws, string clinician = "Dr Test Clinician")
    {
        return await app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow().UtcDateTime;
            var first = await db.ToxinVials.SingleAsync(v => v.Id == draws[0].Vial);
            var session = new InjectionSession
            {
                PatientId = patientId, SiteId = siteId, ClinicianId = Guid.NewGuid(), ClinicianName = clinician,
                InjectedAtUtc = now, ProductId = first.ProductId, TotalUnits = draws.Sum(d => d.Units),
            };
            db.InjectionSessions.Add(session);
            foreach (var (vialId, units) in draws)
            {
                var vial = await db.ToxinVials.SingleAsync(v => v.Id == vialId);
                VialLedger.Draw(db, vial, units, session.Id, patientId, now, null);
            }

            await db.SaveChangesAsync();
            return session.Id;
        });
    }

    /// <summary>An open vial of a new lot at a new site: (site, product, vial).</summary>
    public static async Task<(Guid Site, Guid Product, Guid Vial, string Lot)> OpenVialAsync(this AppFactory app, HttpClient client, string product = "Botox")
    {
        var siteId = await app.CreateSiteAsync();
        var productId = await app.ProductIdAsync(product);
        var lot = UniqueLot();
        var vialId = (await app.ReceiveAsync(client, siteId, productId, lot))[0];
        (await client.ReconstituteAsync(vialId)).EnsureRedirect();
        return (siteId, productId, vialId, lot);
    }
}
