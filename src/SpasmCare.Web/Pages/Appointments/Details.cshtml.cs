using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;

namespace SpasmCare.Web.Pages.Appointments;

/// <summary>An appointment: who, what, where, when in the site's zone; check in, no-show, complete, cancel with a reason.</summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class DetailsModel(
    AppointmentView.Query query, CheckInAppointment.Handler checkIn, MarkNoShow.Handler noShow, CompleteAppointment.Handler complete,
    CancelAppointment.Handler cancel, AuditLog audit) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public CancelAppointment.Request Input { get; set; } = new();

    public AppointmentView View { get; private set; } = null!;

    [Audited(AuditAction.AppointmentRead, AppointmentRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.AppointmentRead, View.Appointment.PatientId, AppointmentRules.Subject, id.ToString());
        return Page();
    }

    [Audited(AuditAction.AppointmentCheckedIn, AppointmentRules.Subject)]
    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => checkIn.HandleAsync(id, Version, ct), "Checked in.", ct);

    [Audited(AuditAction.AppointmentNoShow, AppointmentRules.Subject)]
    public Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => noShow.HandleAsync(id, Version, ct), "Marked as not attended.", ct);

    [Audited(AuditAction.AppointmentCompleted, AppointmentRules.Subject)]
    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => complete.HandleAsync(id, Version, ct), "Completed.", ct);

    [Audited(AuditAction.AppointmentCancelled, AppointmentRules.Subject)]
    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        Input.Version = Version;
        return ActAsync(id, () => cancel.HandleAsync(id, Input, ct), "Cancelled.", ct, validate: true);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<Appointment?>> act, string done, CancellationToken ct, bool validate = false)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!validate)
        {
            // Only the cancel form has fields; the other buttons post the version alone.
            ModelState.Clear();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await act() is null)
        {
            return NotFound();
        }

        TempData["Status"] = done;
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync(id, ct) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }
}
