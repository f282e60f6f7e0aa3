using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Appointment types: default lengths and what each needs.</summary>
public sealed class TypesModel(SpasmCareDbContext db) : PageModel
{
    public List<AppointmentType> Types { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Types = await db.AppointmentTypes.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.Name).ToListAsync(ct);

    public static string Needs(AppointmentType t)
    {
        var needs = new List<string>();
        if (t.NeedsRoom)
        {
            needs.Add("room");
        }

        if (t.NeedsTheatre)
        {
            needs.Add("theatre");
        }

        if (t.NeedsAnaesthetist)
        {
            needs.Add("anaesthetist");
        }

        if (t.IsRemote)
        {
            needs.Add("remote");
        }

        return needs.Count == 0 ? "—" : string.Join(", ", needs);
    }
}
