using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Recalls;

[Authorize(Policy = Policies.Clinical)]
public sealed class IndexModel(SpasmCareDbContext db, LotRecallRecord.Handler handler) : PageModel
{
    public sealed record RecallRow(Guid ProductId, string Product, string Lot, string Reason, DateTime RecalledAtUtc, int VialsInStock);

    [BindProperty] public LotRecallRecord.Request Input { get; set; } = new();

    public IReadOnlyList<ToxinProduct> Products { get; private set; } = [];
    public IReadOnlyList<RecallRow> Recalls { get; private set; } = [];

    [NotAudited("Recorded recalls and the look-up form: products and lots, no patient data.")]
    public async Task OnGetAsync(Guid? productId, string? lot, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = new LotRecallRecord.Request { ProductId = productId, LotNumber = lot ?? "" };
    }

    [Audited(AuditAction.ToxinLotRecalled, LotRecallRecord.Subject)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var recall = await handler.HandleAsync(Input, ct);   // rule errors come back as form errors
        TempData["Status"] = $"Lot {recall.LotNumber} recorded as recalled. Its vials can no longer be reconstituted or drawn from.";
        return RedirectToPage("Lot", new { productId = recall.ProductId, lot = recall.LotNumber });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Products = await db.ToxinProducts.AsNoTracking().OrderByDescending(p => p.IsActive).ThenBy(p => p.Name).ToListAsync(ct);
        var recalls = await db.ToxinLotRecalls.AsNoTracking().OrderByDescending(r => r.RecalledAtUtc).ToListAsync(ct);
        var productIds = recalls.Select(r => r.ProductId).Distinct().ToList();
        var inStock = await db.ToxinVials.AsNoTracking()
            .Where(v => productIds.Contains(v.ProductId) && (v.Status == VialStatus.InStock || v.Status == VialStatus.Reconstituted))
            .Select(v => new { v.ProductId, v.LotNumber }).ToListAsync(ct);
        Recalls = recalls.Select(r => new RecallRow(r.ProductId, Products.FirstOrDefault(p => p.Id == r.ProductId)?.Name ?? "?", r.LotNumber,
                r.Reason, r.RecalledAtUtc, inStock.Count(v => v.ProductId == r.ProductId && v.LotNumber == r.LotNumber)))
            .ToList();
    }
}
