using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery;

/// <summary>The surgery list: MVD cases by status, filtered by hospital, and the theatre list to come.</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class IndexModel(SurgeryList.Query query) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Hospital { get; set; }

    public SurgeryList.Result List { get; private set; } = null!;

    [Audited(AuditAction.MvdCaseRead, "SurgeryList")]
    public async Task OnGetAsync(CancellationToken ct) => List = await query.LoadAsync(Hospital, ct);

    public static string When(SurgeryList.Row row)
    {
        if (row.ScheduledStartUtc is not { } start)
        {
            return "—";
        }

        var local = MvdCaseRules.ToLocal(start, MvdCaseRules.Zone(row.TimeZoneId));
        return local.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
