using SpasmCare.Clinical.Toxin;
using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// Reconstitute a sealed vial with saline: its concentration (U per 0.1 mL) follows from the vial size and the saline
/// volume, and it may be used until the reconstitution time plus the product's use-within hours.
/// </summary>
public static class ReconstituteVial
{
    public const decimal MinSalineMl = 0.5m;
    public const decimal MaxSalineMl = 10m;

    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the volume of saline added.")]
        [Range(typeof(decimal), "0.5", "10", ErrorMessage = "Enter a saline volume from {1} to {2} mL.")]
        [Display(Name = "Saline added (mL)")]
        public decimal? SalineMl { get; set; }

        [Required(ErrorMessage = "Enter the date of reconstitution.")]
        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the time of reconstitution.")]
        [Display(Name = "Time")]
        public TimeOnly? Time { get; set; }

        public Guid Version { get; set; }
    }

    /// <summary>Why a vial cannot be reconstituted now, or null when it can.</summary>
    public static string? Refusal(ToxinVial vial, bool recalled, DateOnly siteToday)
    {
        ArgumentNullException.ThrowIfNull(vial);
        if (vial.Status != VialStatus.InStock)
        {
            return vial.Status == VialStatus.Discarded
                ? "This vial was discarded; it cannot be reconstituted."
                : "This vial has already been reconstituted.";
        }

        if (recalled)
        {
            return $"Lot {vial.LotNumber} has been recalled: do not reconstitute this vial. Discard it instead.";
        }

        if (vial.ExpiryDate < siteToday)
        {
            return $"This vial expired on {vial.ExpiryDate:d MMM yyyy}: do not reconstitute it. Discard it instead.";
        }

        return null;
    }

    /// <summary>Units per 0.1 mL of a vial of <paramref name="vialUnits"/> units in <paramref name="salineMl"/> mL.</summary>
    public static decimal Concentration(decimal vialUnits, decimal salineMl) => Reconstitution.UnitsPer01Ml(vialUnits, salineMl);

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time, ICurrentUser user, IHttpContextAccessor http)
    {
        /// <returns>The vial, or null when there is no such vial.</returns>
        public async Task<ToxinVial?> HandleAsync(Guid vialId, Request request, CancellationToken ct)
        {
            var vial = await db.ToxinVials.FirstOrDefaultAsync(v => v.Id == vialId, ct);
            if (vial is null)
            {
                return null;
            }

            var product = await db.ToxinProducts.AsNoTracking().FirstAsync(p => p.Id == vial.ProductId, ct);
            var zone = await db.Sites.AsNoTracking().Where(s => s.Id == vial.SiteId).Select(s => s.TimeZoneId).FirstAsync(ct);
            var now = Clock.UtcNow(time);
            if (vial.Version != request.Version)
            {
                throw new RuleException("vial-conflict", VialLedger.ConflictMessage);
            }

            if (Refusal(vial, VialLedger.IsRecalled(db, vial.ProductId, vial.LotNumber), VialLedger.SiteToday(zone, now)) is { } refusal)
            {
                throw new RuleException("vial-refused", refusal);
            }

            var at = VisitTime.ToUtc(request.Date ?? default, request.Time ?? default, zone)
                ?? throw new RuleException("time-skipped", "That time does not exist at this site (the clock skipped it).", nameof(Request.Time), 400);
            if (at > now.AddMinutes(5))
            {
                throw new RuleException("time-future", "The time of reconstitution cannot be in the future.", nameof(Request.Time), 400);
            }

            if (at < now.AddDays(-7))
            {
                throw new RuleException("time-past", "The time of reconstitution is more than a week ago; check the date.", nameof(Request.Date), 400);
            }

            var saline = request.SalineMl ?? 0;
            vial.Status = VialStatus.Reconstituted;
            vial.SalineMl = saline;
            vial.ReconstitutedAtUtc = at;
            vial.ReconstitutedBy = user.UserId;
            vial.ReconstitutedByName = DisplayName();
            vial.UseBeforeUtc = at.AddHours(product.UseWithinHours);
            audit.Record(AuditAction.ToxinVialReconstituted, "ToxinVial", vial.Id.ToString(),
                detail: $"{VialLedger.Units(saline)} mL, {VialLedger.Units(Concentration(vial.UnitsPerVial, saline))} U/0.1 mL");
            await VialLedger.SaveAsync(db, audit, AuditAction.ToxinVialReconstituted, vial.Id, ct);
            return vial;
        }

        private string DisplayName()
        {
            var name = http.HttpContext?.User.FindFirst(AppClaimsFactory.DisplayName)?.Value;
            name = string.IsNullOrWhiteSpace(name) ? user.Name : name;
            return name.Length <= 256 ? name : name[..256];
        }
    }
}
