using System.Globalization;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Toxin;

/// <summary>Add or edit a product of the toxin catalogue (admin). Audited as 8060 created / 8061 updated.</summary>
public static class SaveToxinProduct
{
    public const string Subject = "ToxinProduct";
    public const int MaxVialUnits = 1000;
    public const int MaxUseWithinHours = 24 * 56;

    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Enter the product's name.")]
        [StringLength(ToxinProduct.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose the substance.")]
        [EnumDataType(typeof(ToxinSubstance), ErrorMessage = "Choose the substance.")]
        [Display(Name = "Substance")]
        public ToxinSubstance? Substance { get; set; }

        [StringLength(ToxinProduct.NameMax, ErrorMessage = "The manufacturer can be at most {1} characters.")]
        [Display(Name = "Manufacturer")]
        public string? Manufacturer { get; set; }

        [Required(ErrorMessage = "Enter the vial sizes in units, such as 50, 100, 200.")]
        [StringLength(100, ErrorMessage = "The vial sizes can be at most {1} characters.")]
        [Display(Name = "Vial sizes (units)")]
        public string VialSizes { get; set; } = "";

        [StringLength(ToxinProduct.NoteMax, ErrorMessage = "The storage rule can be at most {1} characters.")]
        [Display(Name = "Storage")]
        public string? StorageRule { get; set; }

        [Required(ErrorMessage = "Enter how many hours a reconstituted vial may be used.")]
        [Range(1, MaxUseWithinHours, ErrorMessage = "Enter a use-within time from {1} to {2} hours.")]
        [Display(Name = "Use within (hours after reconstitution)")]
        public int? UseWithinHours { get; set; } = 24;

        [Range(typeof(decimal), "0.1", "10", ErrorMessage = "Enter a ratio from {1} to {2} product units per onabotulinumtoxinA unit.")]
        [Display(Name = "Reference ratio, low")]
        public decimal? ReferenceRatioLow { get; set; }

        [Range(typeof(decimal), "0.1", "10", ErrorMessage = "Enter a ratio from {1} to {2} product units per onabotulinumtoxinA unit.")]
        [Display(Name = "Reference ratio, high")]
        public decimal? ReferenceRatioHigh { get; set; }

        [Display(Name = "Contains complexing proteins")]
        public bool HasComplexingProteins { get; set; } = true;

        [Required(ErrorMessage = "Enter the low-stock level.")]
        [Range(0, 1000, ErrorMessage = "Enter a low-stock level from {1} to {2} vials.")]
        [Display(Name = "Low-stock alert below (unopened vials per site)")]
        public int? LowStockVials { get; set; } = 2;

        [Display(Name = "Active (offered when receiving stock)")]
        public bool IsActive { get; set; } = true;

        public Guid? Version { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!string.IsNullOrWhiteSpace(VialSizes) && ParseSizes(VialSizes) is null)
            {
                yield return new ValidationResult(
                    $"Enter whole numbers of units from 1 to {MaxVialUnits}, separated by commas, such as 50, 100, 200.", [nameof(VialSizes)]);
            }

            if (ReferenceRatioLow is null != ReferenceRatioHigh is null)
            {
                yield return new ValidationResult("Enter both ends of the reference ratio, or neither.",
                    [ReferenceRatioLow is null ? nameof(ReferenceRatioLow) : nameof(ReferenceRatioHigh)]);
            }
            else if (ReferenceRatioLow > ReferenceRatioHigh)
            {
                yield return new ValidationResult("The high end of the ratio cannot be below the low end.", [nameof(ReferenceRatioHigh)]);
            }
        }

        public static Request From(ToxinProduct p) => new()
        {
            Name = p.Name,
            Substance = p.Substance,
            Manufacturer = p.Manufacturer,
            VialSizes = string.Join(", ", ParseSizes(p.VialSizes) ?? []),
            StorageRule = p.StorageRule,
            UseWithinHours = p.UseWithinHours,
            ReferenceRatioLow = p.ReferenceRatioLow,
            ReferenceRatioHigh = p.ReferenceRatioHigh,
            HasComplexingProteins = p.HasComplexingProteins,
            LowStockVials = p.LowStockVials,
            IsActive = p.IsActive,
            Version = p.Version,
        };
    }

    /// <summary>"50, 100,200" → [50, 100, 200] (sorted, distinct); null when any part is not a size from 1 to 1000.</summary>
    public static IReadOnlyList<int>? ParseSizes(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > MaxVialUnits)
            {
                return null;
            }

            sizes.Add(size);
        }

        return sizes.Count == 0 ? null : sizes.Distinct().Order().ToList();
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        /// <returns>The saved product, or null when <paramref name="id"/> names no product.</returns>
        public async Task<ToxinProduct?> HandleAsync(Guid? id, Request request, CancellationToken ct)
        {
            var name = request.Name.Trim();
            var others = await db.ToxinProducts.AsNoTracking().Where(p => p.Id != id).Select(p => p.Name).ToListAsync(ct);
            if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new RuleException("duplicate-product", "Another product already has this name.", nameof(Request.Name));
            }

            ToxinProduct? product;
            if (id is null)
            {
                product = new ToxinProduct();
                db.ToxinProducts.Add(product);
            }
            else
            {
                product = await db.ToxinProducts.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (product is null)
                {
                    return null;
                }

                if (request.Version != product.Version)
                {
                    throw new RuleException("conflict",
                        "Someone else changed this product while you were editing. Reload the page and apply your change again.");
                }
            }

            product.Name = name;
            product.Substance = request.Substance ?? ToxinSubstance.Other;
            product.Manufacturer = string.IsNullOrWhiteSpace(request.Manufacturer) ? null : request.Manufacturer.Trim();
            product.VialSizes = string.Join(",", ParseSizes(request.VialSizes) ?? []);
            product.StorageRule = string.IsNullOrWhiteSpace(request.StorageRule) ? null : request.StorageRule.Trim();
            product.UseWithinHours = request.UseWithinHours ?? 24;
            product.ReferenceRatioLow = request.ReferenceRatioLow;
            product.ReferenceRatioHigh = request.ReferenceRatioHigh;
            product.HasComplexingProteins = request.HasComplexingProteins;
            product.LowStockVials = request.LowStockVials ?? 0;
            product.IsActive = request.IsActive;
            if (id is not null && !db.ChangeTracker.HasChanges())
            {
                return product;
            }

            audit.Record(id is null ? AuditAction.ToxinProductCreated : AuditAction.ToxinProductUpdated, Subject, product.Id.ToString());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleException("conflict",
                    "Someone else changed this product while you were editing. Reload the page and apply your change again.");
            }

            return product;
        }
    }
}
