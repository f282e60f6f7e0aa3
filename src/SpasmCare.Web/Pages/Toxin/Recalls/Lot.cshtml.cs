using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Recalls;

/// <summary>Every patient and session that received one lot of one product; printable, and exportable as CSV.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class LotModel(LotRecallPatients.Query query, SpasmCareDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProductId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lot { get; set; }

    public LotRecallPatients.View? View { get; private set; }

    /// <summary>Set when the lot number was missing or malformed: the page says so and lists nobody.</summary>
    public string? Problem { get; private set; }

    /// <summary>One read row per patient listed (a multi-patient look-up).</summary>
    [Audited(AuditAction.ToxinLotRecallViewed, LotRecallRecord.Subject)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound)
        {
            return notFound;
        }

        foreach (var patientId in View?.Patients ?? [])
        {
            audit.Read(AuditAction.ToxinLotRecallViewed, patientId, LotRecallRecord.Subject, Subject());
        }

        return Page();
    }

    /// <summary>The same list as CSV; one export row per patient, committed before the file is sent.</summary>
    [Audited(AuditAction.ToxinLotRecallExported, LotRecallRecord.Subject)]
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound)
        {
            return notFound;
        }

        if (View is null)
        {
            return BadRequest();
        }

        foreach (var patientId in View.Patients)
        {
            audit.Record(AuditAction.ToxinLotRecallExported, LotRecallRecord.Subject, Subject(), patientId, detail: "CSV");
        }

        await db.SaveChangesAsync(ct);
        var name = $"lot-{FileSafe(View.Product.Name)}-{FileSafe(View.Lot)}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(LotRecallPatients.Csv(View))).ToArray(), "text/csv; charset=utf-8", name);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var lot = VialLedger.NormaliseLot(Lot);
        if (lot.Length == 0 || lot.Length > ToxinVial.LotMax)
        {
            if (!await db.ToxinProducts.AnyAsync(p => p.Id == ProductId, ct))
            {
                return NotFound();
            }

            Problem = "Enter the lot number (at most " + ToxinVial.LotMax + " characters).";
            return null;
        }

        View = await query.HandleAsync(ProductId, lot, ct);
        return View is null ? NotFound() : null;
    }

    private string Subject() => $"{ProductId}:{View?.Lot}";

    private static string FileSafe(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
}
