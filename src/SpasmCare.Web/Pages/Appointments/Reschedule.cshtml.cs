using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Appointments;

/// <summary>Move a booked appointment: the first free slots of its type (at its site or another, with anyone or one practitioner); choose one.</summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class RescheduleModel(
    AppointmentView.Query query, FreeSlots.Handler slots, RescheduleAppointment.Handler handler, SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    : PageModel
{
    public const int SlotCount = 12;

    [BindProperty(SupportsGet = true)] public Guid? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PractitionerId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }

    [BindProperty] public RescheduleAppointment.Request Input { get; set; } = new();

    public AppointmentView View { get; private set; } = null!;
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<ScheduleResource> Practitioners { get; private set; } = [];
    public FreeSlots.Result? Found { get; private set; }

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

    [Audited(AuditAction.AppointmentRescheduled, AppointmentRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        SiteId ??= Input.SiteId;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await handler.HandleAsync(id, Input, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "Moved.";
        return RedirectToPage("Details", new { id });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await query.LoadAsync(id, ct) is not { } view)
        {
            return false;
        }

        View = view;
        SiteId ??= view.SiteId;
        Sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        if (view.Appointment.Status != AppointmentStatus.Booked)
        {
            return true;
        }

        Found = await slots.FindAsync(new FreeSlots.Request(SiteId.Value, view.TypeCode, PractitionerId, Date ?? clock.Today, SlotCount), ct);
        if (Found.Site is { } site && Found.Type is { } type)
        {
            Practitioners = await slots.PractitionersAsync(site, type, null, ct);
        }

        return true;
    }
}
