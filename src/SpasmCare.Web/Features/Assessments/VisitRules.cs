using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>The checks a visit's details must pass, when it is recorded and when it is corrected.</summary>
internal static class VisitRules
{
    /// <summary>A visit may be recorded a little ahead of the clock (the patient is walking in), but not later.</summary>
    public const int FutureToleranceMinutes = 15;

    public sealed record Checked(Site Site, VisitClinician Clinician, DateTime StartedAtUtc);

    /// <summary>
    /// Resolves the site, clinician and UTC start of a valid input; throws a rule error naming the field. When a
    /// visit is corrected (<c>existing</c>), its site and clinician stay allowed even if no longer active.
    /// </summary>
    public static async Task<Checked> CheckAsync(
        SpasmCareDbContext db, VisitClinicians clinicians, TimeProvider time, Patient patient, VisitInput input,
        Visit? existing, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == input.SiteId, ct);
        if (site is null || (!site.IsActive && site.Id != existing?.SiteId))
        {
            throw Rule("visit.site", "Choose one of the practice's open sites.", nameof(VisitInput.SiteId));
        }

        var clinician = (await clinicians.ListAsync(ct)).FirstOrDefault(c => c.Id == input.ClinicianId);
        if (clinician is null && existing is not null && existing.ClinicianId == input.ClinicianId)
        {
            clinician = new VisitClinician(existing.ClinicianId, existing.ClinicianName, "");
        }

        if (clinician is null)
        {
            throw Rule("visit.clinician", "Choose a doctor or nurse from the list.", nameof(VisitInput.ClinicianId));
        }

        var start = VisitTime.ToUtc(input.Date!.Value, input.Time!.Value, site.TimeZoneId)
            ?? throw Rule("visit.time", "That time does not exist at this site because the clocks changed; choose another.", nameof(VisitInput.Time));
        if (start > Clock.UtcNow(time).AddMinutes(FutureToleranceMinutes))
        {
            throw Rule("visit.future", "The visit cannot be in the future. Record it when the patient is seen.", nameof(VisitInput.Date));
        }

        if (input.Date.Value < patient.BirthDate)
        {
            throw Rule("visit.before-birth", "The visit cannot be before the patient's date of birth.", nameof(VisitInput.Date));
        }

        return new Checked(site, clinician, start);
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static RuleException Rule(string code, string message, string field) =>
        new(code, message, field, StatusCodes.Status422UnprocessableEntity);
}
