using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Pages.Toxin.Stock;

[Authorize(Policy = Policies.Clinical)]
public sealed class ReconstituteModel(VialDetails.Query query, ReconstituteVial.Handler handler, TimeProvider time) : PageModel
{
    /// <summary>Saline volumes of the common dilutions (DOMAIN §3.3), shown as a table that needs no script.</summary>
    public static readonly decimal[] CommonSalineMl = [1m, 2m, 2.5m, 4m, 8m];

    [BindProperty] public ReconstituteVial.Request Input { get; set; } = new();

    public VialDetails.View View { get; private set; } = null!;

    /// <summary>Why this vial cannot be reconstituted (expired, recalled, already open), or null.</summary>
    public string? Refusal { get; private set; }

    [NotAudited("Reconstitution form for one vial: no patient data.")]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var local = VisitTime.Local(Clock.UtcNow(time), View.Site.TimeZoneId);
        Input = new ReconstituteVial.Request
        {
            SalineMl = DefaultSaline(View),
            Date = DateOnly.FromDateTime(local),
            Time = new TimeOnly(local.Hour, local.Minute),
            Version = View.Vial.Version,
        };
        return Page();
    }

    [Audited(AuditAction.ToxinVialReconstituted, "ToxinVial")]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var vial = await handler.HandleAsync(id, Input, ct);   // rule errors come back as form errors
        if (vial is null)
        {
            return NotFound();
        }

        TempData["Status"] = $"Vial reconstituted: {VialLedger.Units(ReconstituteVial.Concentration(vial.UnitsPerVial, vial.SalineMl ?? 1))} U per 0.1 mL, "
            + $"use before {VisitTime.Show(vial.UseBeforeUtc ?? default, View.Site.TimeZoneId)}.";
        return RedirectToPage("Vial", new { id });
    }

    /// <summary>The concentration the typed saline volume gives, or null while it is missing or out of range.</summary>
    public decimal? Concentration =>
        Input.SalineMl is { } ml && ml >= ReconstituteVial.MinSalineMl && ml <= ReconstituteVial.MaxSalineMl
            ? ReconstituteVial.Concentration(View.Vial.UnitsPerVial, ml)
            : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await query.HandleAsync(id, withLedger: false, ct) is not { } view)
        {
            return false;
        }

        View = view;
        Refusal = ReconstituteVial.Refusal(view.Vial, view.Recalled, view.SiteToday);
        return true;
    }

    /// <summary>2.5 U per 0.1 mL (e.g. 4 mL for 100 U, the label's example) when that volume is in range; else none.</summary>
    private static decimal? DefaultSaline(VialDetails.View view)
    {
        if (view.Product.Substance is not (ToxinSubstance.OnabotulinumtoxinA or ToxinSubstance.IncobotulinumtoxinA))
        {
            return null;
        }

        var ml = view.Vial.UnitsPerVial / 25m;
        return ml >= ReconstituteVial.MinSalineMl && ml <= ReconstituteVial.MaxSalineMl ? ml : null;
    }
}
