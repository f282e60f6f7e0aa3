using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Surgery;

namespace SpasmCare.Web.Pages.Surgery.Cases;

/// <summary>Book (or rebook) a ready case: hospital, theatre, time at the hospital, surgeon and team.</summary>
[Authorize(Policy = Policies.Clinical)]
[StaleCaseFilter]
public sealed class BookModel(BookTheatre.Handler handler, MvdCaseView.Query query, SpasmCareDbContext db, AuditLog audit)
    : PageModel, IVersionedForm
{
    [BindProperty] public BookTheatre.Request Input { get; set; } = new();

    public MvdCaseView View { get; private set; } = null!;
    public IReadOnlyList<BookTheatre.Hospital> Hospitals { get; private set; } = [];
    public IReadOnlyList<BookTheatre.Surgeon> Surgeons { get; private set; } = [];

    public void UseVersion(Guid version) => Input.Version = version;

    [Audited(AuditAction.MvdCaseRead, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnGetAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, ct))
        {
            return NotFound();
        }

        audit.Read(AuditAction.MvdCaseRead, patientId, MvdCaseRules.Subject, caseId.ToString());
        var zone = Hospitals.FirstOrDefault(h => h.Id == View.Case.HospitalSiteId)?.TimeZoneId;
        Input = BookTheatre.From(View.Case, zone);
        if (Hospitals.Count == 1)
        {
            Input.HospitalSiteId ??= Hospitals[0].Id;
        }

        return Page();
    }

    [Audited(AuditAction.MvdBooked, MvdCaseRules.Subject)]
    public async Task<IActionResult> OnPostAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (!await LoadAsync(patientId, caseId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rebook = View.Case.Status == MvdCaseStatus.Booked;
        if (await handler.HandleAsync(patientId, caseId, Input, ct) is null)
        {
            return NotFound();
        }

        TempData["Status"] = rebook ? "Booking changed." : "Booked.";
        return RedirectToPage("Details", new { patientId, caseId });
    }

    private async Task<bool> LoadAsync(Guid patientId, Guid caseId, CancellationToken ct)
    {
        if (await query.LoadAsync(patientId, caseId, ct) is not { } view)
        {
            return false;
        }

        View = view;
        Hospitals = await BookTheatre.HospitalsAsync(db, ct);
        Surgeons = await BookTheatre.SurgeonsAsync(db, ct);
        return true;
    }
}
