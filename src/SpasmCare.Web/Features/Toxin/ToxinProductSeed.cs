namespace SpasmCare.Web.Features.Toxin;

/// <summary>
/// The three botulinum toxin type A products most clinics stock (DOMAIN §3.3, §3.8), added at startup when the
/// catalogue is empty. Once an administrator has any product, nothing is added or overwritten.
/// </summary>
public static class ToxinProductSeed
{
    public static IReadOnlyList<ToxinProduct> Defaults() =>
    [
        new()
        {
            Name = "Botox",
            Substance = ToxinSubstance.OnabotulinumtoxinA,
            Manufacturer = "Allergan (AbbVie)",
            VialSizes = "50,100,200",
            StorageRule = "Refrigerator, 2–8 °C, before reconstitution. Reconstitute with preservative-free 0.9% saline; keep refrigerated after.",
            UseWithinHours = 24,
            ReferenceRatioLow = 1m,
            ReferenceRatioHigh = 1m,
            HasComplexingProteins = true,
            LowStockVials = 2,
        },
        new()
        {
            Name = "Dysport",
            Substance = ToxinSubstance.AbobotulinumtoxinA,
            Manufacturer = "Ipsen",
            VialSizes = "300,500",
            StorageRule = "Refrigerator, 2–8 °C, before reconstitution. Reconstitute with preservative-free 0.9% saline; keep refrigerated after.",
            UseWithinHours = 24,
            ReferenceRatioLow = 2.5m,
            ReferenceRatioHigh = 3m,
            HasComplexingProteins = true,
            LowStockVials = 2,
        },
        new()
        {
            Name = "Xeomin",
            Substance = ToxinSubstance.IncobotulinumtoxinA,
            Manufacturer = "Merz",
            VialSizes = "50,100,200",
            StorageRule = "Room temperature (up to 25 °C), refrigerator or freezer before reconstitution: no cold chain needed. Keep refrigerated after reconstitution.",
            UseWithinHours = 24,
            ReferenceRatioLow = 1m,
            ReferenceRatioHigh = 1m,
            HasComplexingProteins = false,
            LowStockVials = 2,
        },
    ];

    /// <summary>Adds <see cref="Defaults"/> when there are no products at all. Safe to call at every start.</summary>
    public static async Task EnsureProductsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        if (await db.ToxinProducts.AnyAsync(ct))
        {
            return;
        }

        db.ToxinProducts.AddRange(Defaults());
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Products, vials, lots and recalls. (The product seed runs from Bootstrap, after the migrations.)</summary>
public static class ToxinStockSetup
{
    public static IServiceCollection AddToxinStock(this IServiceCollection services) => services
        .AddScoped<SaveToxinProduct.Handler>()
        .AddScoped<ReceiveVials.Handler>()
        .AddScoped<ReconstituteVial.Handler>()
        .AddScoped<WasteVial.Handler>()
        .AddScoped<DiscardVial.Handler>()
        .AddScoped<StockOverview.Query>()
        .AddScoped<VialDetails.Query>()
        .AddScoped<LotRecallRecord.Handler>()
        .AddScoped<LotRecallPatients.Query>();
}
