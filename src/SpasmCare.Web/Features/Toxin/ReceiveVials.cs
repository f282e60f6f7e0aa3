using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Receive sealed vials of one lot at a site: receiving five vials makes five vial rows.</summary>
public static class ReceiveVials
{
    public const int MaxCount = 100;

    public sealed class Request
    {
        [Required(ErrorMessage = "Choose the product.")]
        [Display(Name = "Product")]
        public Guid? ProductId { get; set; }

        [Required(ErrorMessage = "Choose the site that received the vials.")]
        [Display(Name = "Site")]
        public Guid? SiteId { get; set; }

        [Required(ErrorMessage = "Enter the lot (batch) number printed on the carton.")]
        [StringLength(ToxinVial.LotMax, ErrorMessage = "The lot number can be at most {1} characters.")]
        [RegularExpression(@"^\s*[A-Za-z0-9][A-Za-z0-9 ./_-]*\s*$", ErrorMessage = "Enter the lot number as printed: letters, digits, spaces, dots, slashes or dashes.")]
        [Display(Name = "Lot number")]
        public string LotNumber { get; set; } = "";

        [Required(ErrorMessage = "Enter the expiry date printed on the carton.")]
        [Display(Name = "Expiry date")]
        public DateOnly? ExpiryDate { get; set; }

        [Required(ErrorMessage = "Choose the vial size.")]
        [Range(1, SaveToxinProduct.MaxVialUnits, ErrorMessage = "Choose the vial size.")]
        [Display(Name = "Vial size (units)")]
        public int? UnitsPerVial { get; set; }

        [Required(ErrorMessage = "Enter how many vials arrived.")]
        [Range(1, MaxCount, ErrorMessage = "Enter a number of vials from {1} to {2}.")]
        [Display(Name = "Number of vials")]
        public int? Count { get; set; } = 1;
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time)
    {
        /// <returns>The new vials.</returns>
        public async Task<IReadOnlyList<ToxinVial>> HandleAsync(Request request, CancellationToken ct)
        {
            var product = await db.ToxinProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProductId, ct);
            if (product is null || !product.IsActive)
            {
                throw new RuleException("vial-product", "Choose an active product from the list.", nameof(Request.ProductId), 400);
            }

            var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SiteId && s.IsActive, ct)
                ?? throw new RuleException("vial-site", "Choose an open site from the list.", nameof(Request.SiteId), 400);
            var size = request.UnitsPerVial ?? 0;
            if (!(SaveToxinProduct.ParseSizes(product.VialSizes) ?? []).Contains(size))
            {
                throw new RuleException("vial-size", $"{product.Name} comes in vials of {Sizes(product)} units.", nameof(Request.UnitsPerVial), 400);
            }

            var now = Clock.UtcNow(time);
            var expiry = request.ExpiryDate ?? default;
            if (expiry < VialLedger.SiteToday(site.TimeZoneId, now))
            {
                throw new RuleException("vial-expired", $"This lot expired on {expiry:d MMM yyyy}; expired vials cannot be received.",
                    nameof(Request.ExpiryDate), 400);
            }

            var lot = VialLedger.NormaliseLot(request.LotNumber);
            if (VialLedger.IsRecalled(db, product.Id, lot))
            {
                throw new RuleException("vial-recalled", $"Lot {lot} of {product.Name} has been recalled; do not receive it.", nameof(Request.LotNumber));
            }

            var earlier = await db.ToxinVials.AsNoTracking()
                .Where(v => v.ProductId == product.Id && v.LotNumber == lot)
                .Select(v => v.ExpiryDate).Distinct().ToListAsync(ct);
            if (earlier.Count > 0 && !earlier.Contains(expiry))
            {
                throw new RuleException("vial-lot-expiry",
                    $"Lot {lot} was received before with expiry {earlier.Min():d MMM yyyy}. Check the carton: one lot has one expiry date.",
                    nameof(Request.ExpiryDate));
            }

            var vials = Enumerable.Range(0, request.Count ?? 1).Select(_ => new ToxinVial
            {
                ProductId = product.Id,
                SiteId = site.Id,
                LotNumber = lot,
                ExpiryDate = expiry,
                UnitsPerVial = size,
                ReceivedAtUtc = now,
                Status = VialStatus.InStock,
            }).ToList();
            db.ToxinVials.AddRange(vials);
            foreach (var vial in vials)
            {
                audit.Record(AuditAction.ToxinVialReceived, "ToxinVial", vial.Id.ToString(),
                    detail: $"{product.Name} lot {lot}, {size} U, exp {expiry:yyyy-MM-dd}");
            }

            await db.SaveChangesAsync(ct);
            return vials;
        }
    }

    public static string Sizes(ToxinProduct product) =>
        string.Join(", ", SaveToxinProduct.ParseSizes(product.VialSizes) ?? []);
}
