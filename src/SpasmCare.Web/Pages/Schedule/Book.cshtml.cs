using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Schedule;

/// <summary>
/// Find a slot and book it: site, type, practitioner (or anyone), from a date → the first free slots; choose one,
/// choose the patient (search by MRN, name or mobile unless the link named them), confirm. Other pages link here
/// with the patient, type, site, source and the record it came from filled in.
/// </summary>
[Authorize(Policy = Policies.Scheduling)]
public sealed class BookModel(SpasmCareDbContext db, FreeSlots.Handler slots, BookAppointment.Handler book, SearchPatients.Handler search,
    AuditLog audit, ClinicTime clock) : PageModel
{
    public const int SlotCount = 12;

    [BindProperty(SupportsGet = true)] public Guid? PatientId { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? TypeCode { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PractitionerId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public TimeOnly? Time { get; set; }
    [BindProperty(SupportsGet = true)] public AppointmentSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SourceId { get; set; }
    [BindProperty(SupportsGet = true)] public string? SourceKey { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? PatientQuery { get; set; }

    [BindProperty] public BookAppointment.Request Input { get; set; } = new();

    public sealed record PatientLine(Guid Id, string Name, string Mrn, bool IsActive);

    public PatientLine? Patient { get; private set; }
    public IReadOnlyList<SearchPatients.Summary> Matches { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<AppointmentType> Types { get; private set; } = [];
    public IReadOnlyList<ScheduleResource> Practitioners { get; private set; } = [];
    public FreeSlots.Result? Found { get; private set; }

    /// <summary>The slot chosen (date, time and practitioner given), when it is one of the free ones.</summary>
    public FreeSlots.Slot? Chosen { get; private set; }

    public Site? Site => Sites.FirstOrDefault(s => s.Id == SiteId);
    public AppointmentType? Type => Types.FirstOrDefault(t => t.Code == TypeCode);

    [Audited(AuditAction.AppointmentSlotsSearched)]
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (PatientId is { } patientId && !await LoadPatientAsync(patientId, ct))
        {
            return NotFound();
        }

        if (Patient is null && !string.IsNullOrWhiteSpace(PatientQuery))
        {
            Matches = await search.HandleAsync(PatientQuery, 10, includeInactive: false, ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    [Audited(AuditAction.AppointmentBooked, AppointmentRules.Subject)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PatientId = Input.PatientId;
        TypeCode = Input.TypeCode;
        SiteId = Input.SiteId;
        PractitionerId = Input.PractitionerId;
        Date = Input.Date;
        Time = Input.Time;
        Source = Input.Source;
        SourceId = Input.SourceId;
        SourceKey = Input.SourceKey;
        if (PatientId is { } patientId)
        {
            await LoadPatientAsync(patientId, ct);
        }

        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var appointment = await book.HandleAsync(Input, ct);
        TempData["Status"] = "Booked.";
        return RedirectToPage("/Appointments/Details", new { id = appointment.Id });
    }

    /// <summary>This page's address with the current choices and some changed (null removes one).</summary>
    public string LinkWith(IDictionary<string, string?> changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["patientId"] = PatientId?.ToString(),
            ["type"] = TypeCode,
            ["siteId"] = SiteId?.ToString(),
            ["practitionerId"] = PractitionerId?.ToString(),
            ["date"] = Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["time"] = Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = Source?.ToString(),
            ["sourceId"] = SourceId?.ToString(),
            ["sourceKey"] = SourceKey,
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => v.Key + "=" + Uri.EscapeDataString(v.Value!)));
        return "/Schedule/Book" + (query.Length == 0 ? "" : "?" + query);
    }

    public static string Iso(DateTime local) => local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string HourMinute(DateTime local) => local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> LoadPatientAsync(Guid patientId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().Where(x => x.Id == patientId)
            .Select(x => new { x.Id, x.GivenName, x.FamilyName, x.Mrn, x.IsActive }).FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return false;
        }

        Patient = new PatientLine(p.Id, PatientFormats.FullName(p.GivenName, p.FamilyName), p.Mrn, p.IsActive);
        audit.Read(AuditAction.AppointmentSlotsSearched, p.Id);
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Sites = await db.Sites.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        Types = await db.AppointmentTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(ct);
        if (SiteId is null && Sites.Count == 1)
        {
            SiteId = Sites[0].Id;
        }

        if (Site is { } site && Type is { } type)
        {
            Practitioners = await slots.PractitionersAsync(site, type, null, ct);
        }

        if (SiteId is null || string.IsNullOrEmpty(TypeCode))
        {
            return;
        }

        var from = Date ?? clock.Today;
        Found = await slots.FindAsync(new FreeSlots.Request(SiteId.Value, TypeCode, PractitionerId, from, SlotCount), ct);
        if (Time is { } time && PractitionerId is { } practitionerId && Date is { } date)
        {
            var chosen = await slots.FindAsync(new FreeSlots.Request(SiteId.Value, TypeCode, practitionerId, date, 200), ct);
            Chosen = chosen.Slots.FirstOrDefault(s => DateOnly.FromDateTime(s.LocalStart) == date && TimeOnly.FromDateTime(s.LocalStart) == new TimeOnly(time.Hour, time.Minute));
        }
    }
}
