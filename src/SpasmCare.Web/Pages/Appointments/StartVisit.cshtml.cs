using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Appointments;

/// <summary>A doctor or nurse starts the visit of a checked-in appointment and goes to it (visits are clinical records).</summary>
[Authorize(Policy = Policies.Clinical)]
public sealed class StartVisitModel(AppointmentView.Query query, StartVisitFromAppointment.Handler handler) : PageModel
{
    [BindProperty] public Guid Version { get; set; }

    public AppointmentView View { get; private set; } = null!;

    [NotAudited("Shows nothing: the start button is on the appointment page; a visit to this address goes back there.")]
    public IActionResult OnGet(Guid id) => RedirectToPage("Details", new { id });

    [Audited(AuditAction.AppointmentVisitStarted, AppointmentRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync(id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (await handler.HandleAsync(id, Version, ct) is not { } visit)
        {
            return NotFound();
        }

        TempData["Status"] = "Visit started.";
        return Redirect($"/Patients/{visit.PatientId}/Visits/{visit.Id}");
    }
}
