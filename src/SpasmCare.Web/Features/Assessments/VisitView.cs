using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Assessments;

/// <summary>Who a visit page is about, for the line at its top.</summary>
public sealed record VisitPatient(Guid Id, string Name, string Mrn, string Age, DateOnly BirthDate, bool IsActive)
{
    public static async Task<VisitPatient?> FindAsync(SpasmCareDbContext db, ClinicTime clock, Guid id, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new { x.Id, x.GivenName, x.FamilyName, x.Mrn, x.BirthDate, x.IsActive })
            .FirstOrDefaultAsync(ct);
        return p is null
            ? null
            : new VisitPatient(p.Id, PatientFormats.FullName(p.GivenName, p.FamilyName), p.Mrn,
                PatientFormats.AgeOn(p.BirthDate, clock.Today), p.BirthDate, p.IsActive);
    }
}

/// <summary>A visit with its site, as the visit pages show it.</summary>
public sealed record VisitView(Visit Visit, string SiteName, string TimeZoneId)
{
    public string Shown => VisitTime.Show(Visit.StartedAtUtc, TimeZoneId);
    public string TypeLabel => VisitTypes.Label(Visit.Type);

    /// <summary>The visit of that patient, or null (an id of another patient's visit is not found either).</summary>
    public static async Task<VisitView?> FindAsync(SpasmCareDbContext db, Guid patientId, Guid visitId, CancellationToken ct)
    {
        var found = await (
                from v in db.Visits.AsNoTracking()
                join s in db.Sites.AsNoTracking() on v.SiteId equals s.Id
                where v.Id == visitId && v.PatientId == patientId
                select new { Visit = v, s.Name, s.TimeZoneId })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new VisitView(found.Visit, found.Name, found.TimeZoneId);
    }
}
