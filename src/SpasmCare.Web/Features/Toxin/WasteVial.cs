using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Record units of an open vial that were lost (spilled, left in the syringe, drawn and not given).</summary>
public static class WasteVial
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the units wasted.")]
        [Range(typeof(decimal), "0.01", "1000", ErrorMessage = "Enter the units wasted, more than zero.")]
        [Display(Name = "Units wasted")]
        public decimal? Units { get; set; }

        [Required(ErrorMessage = "Say why the units were wasted.")]
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

            if (vial.Status != VialStatus.Reconstituted)
            {
                throw new RuleException("vial-not-open", vial.Status == VialStatus.InStock
                    ? "Only an open (reconstituted) vial can have units wasted; discard a sealed vial instead."
                    : "This vial is no longer open.");
            }

            var units = request.Units ?? 0;
            if (units > vial.UnitsLeft)
            {
                throw new RuleException("vial-not-enough",
                    $"This vial has {VialLedger.Units(vial.UnitsLeft)} U left; {VialLedger.Units(units)} U cannot be wasted from it.", nameof(Request.Units));
            }

            vial.UnitsWasted += units;
            if (vial.UnitsLeft == 0)
            {
                vial.Status = VialStatus.Finished;
            }

            db.ToxinVialEntries.Add(new ToxinVialEntry
            {
                VialId = vial.Id,
                Kind = VialEntryKind.Waste,
                Units = units,
                Reason = request.Reason.Trim(),
                AtUtc = Clock.UtcNow(time),
                By = user.UserId,
            });
            audit.Record(AuditAction.ToxinVialWasted, "ToxinVial", vial.Id.ToString(), detail: $"{VialLedger.Units(units)} U");
            await VialLedger.SaveAsync(db, audit, AuditAction.ToxinVialWasted, vial.Id, ct);
            return vial;
        }
    }
}
