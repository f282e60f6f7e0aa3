using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Record a manufacturer's or regulator's recall of one lot of one product. From then on no vial of that lot can be
/// reconstituted or drawn from (<see cref="VialLedger"/> refuses), and the stock page tells each site to discard it.
/// </summary>
public static class LotRecallRecord
{
    public const string Subject = "ToxinLotRecall";

    public sealed class Request
    {
        [Required(ErrorMessage = "Choose the product.")]
        [Display(Name = "Product")]
        public Guid? ProductId { get; set; }

        [Required(ErrorMessage = "Enter the recalled lot number.")]
        [StringLength(ToxinVial.LotMax, ErrorMessage = "The lot number can be at most {1} characters.")]
        [Display(Name = "Lot number")]
        public string LotNumber { get; set; } = "";

        [Required(ErrorMessage = "Enter the reason for the recall, as the notice gives it.")]
        [StringLength(1000, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason (from the recall notice)")]
        public string Reason { get; set; } = "";
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ICurrentUser user)
    {
        public async Task<ToxinLotRecall> HandleAsync(Request request, CancellationToken ct)
        {
            var product = await db.ToxinProducts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ProductId, ct)
                ?? throw new RuleException("recall-product", "Choose a product from the list.", nameof(Request.ProductId), 400);
            var lot = VialLedger.NormaliseLot(request.LotNumber);
            if (lot.Length == 0)
            {
                throw new RuleException("recall-lot", "Enter the recalled lot number.", nameof(Request.LotNumber), 400);
            }

            if (await db.ToxinLotRecalls.AnyAsync(r => r.ProductId == product.Id && r.LotNumber == lot, ct))
            {
                throw new RuleException("recall-duplicate", $"Lot {lot} of {product.Name} is already recorded as recalled.", nameof(Request.LotNumber));
            }

            var recall = new ToxinLotRecall
            {
                ProductId = product.Id,
                LotNumber = lot,
                Reason = request.Reason.Trim(),
                RecalledAtUtc = Clock.UtcNow(time),
                RecordedBy = user.UserId,
            };
            db.ToxinLotRecalls.Add(recall);
            audit.Record(AuditAction.ToxinLotRecalled, Subject, recall.Id.ToString(), detail: $"{product.Name} lot {lot}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (db.ChangeTracker.Entries<ToxinLotRecall>().Any())
            {
                // Two people recorded the same recall at once and the unique index kept the other one.
                if (!await AlreadyRecalledAsync(product.Id, lot, ct))
                {
                    throw;
                }

                throw new RuleException("recall-duplicate", $"Lot {lot} of {product.Name} is already recorded as recalled.", nameof(Request.LotNumber));
            }

            return recall;
        }

        private async Task<bool> AlreadyRecalledAsync(Guid productId, string lot, CancellationToken ct)
        {
            db.ChangeTracker.Clear();
            return await db.ToxinLotRecalls.AnyAsync(r => r.ProductId == productId && r.LotNumber == lot, ct);
        }
    }
}
