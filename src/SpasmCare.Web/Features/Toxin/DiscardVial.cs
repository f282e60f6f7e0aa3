using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Discard a vial, sealed or open (expired, past its use-within window, damaged, recalled). What was left in it is
/// recorded as waste with the reason.
/// </summary>
public static class DiscardVial
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Say why the vial is discarded.")]
        [StringLength(500, ErrorMessage = "The reason can be at most {1} characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";

        public Guid Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ICurrentUser user)
    {
        /// <returns>The vial, or null when there is no such vial.</returns>
        public async Task<ToxinVial?> HandleAsync(Guid vialId, Request request, CancellationToken ct)
        {
            var vial = await db.ToxinVials.FirstOrDefaultAsync(v => v.Id == vialId, ct);
            if (vial is null)
            {
                return null;
            }

            if (vial.Version != request.Version)
            {
                throw new RuleException("vial-conflict", VialLedger.ConflictMessage);
            }

            if (vial.Status is VialStatus.Discarded or VialStatus.Finished)
            {
                throw new RuleException("vial-closed", vial.Status == VialStatus.Discarded
                    ? "This vial has already been discarded."
                    : "This vial is empty; there is nothing left to discard.");
            }

            var reason = request.Reason.Trim();
            var left = vial.UnitsLeft;
            if (left > 0)
            {
                vial.UnitsWasted += left;
                db.ToxinVialEntries.Add(new ToxinVialEntry
                {
                    VialId = vial.Id,
                    Kind = VialEntryKind.Waste,
                    Units = left,
                    Reason = Truncate("Discarded: " + reason, 500),
                    AtUtc = Clock.UtcNow(time),
                    By = user.UserId,
                });
            }

            vial.Status = VialStatus.Discarded;
            vial.DiscardReason = reason;
            audit.Record(AuditAction.ToxinVialDiscarded, "ToxinVial", vial.Id.ToString(), detail: $"{VialLedger.Units(left)} U wasted");
            await VialLedger.SaveAsync(db, audit, AuditAction.ToxinVialDiscarded, vial.Id, ct);
            return vial;
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
