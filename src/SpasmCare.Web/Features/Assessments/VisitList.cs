namespace SpasmCare.Web.Features.Assessments;

/// <summary>One line of a patient's list of visits.</summary>
public sealed record VisitRow(
    Guid Id, DateTime StartedAtUtc, string TimeZoneId, VisitType Type, string SiteName, string ClinicianName,
    bool HasExamination, bool EnteredInError)
{
    public string Shown => VisitTime.Show(StartedAtUtc, TimeZoneId);
    public string TypeLabel => VisitTypes.Label(Type);
}

public static class VisitList
{
    /// <summary>A patient's visits, newest first, entered-in-error ones included (the page marks them).</summary>
    public static async Task<IReadOnlyList<VisitRow>> ForPatientAsync(SpasmCareDbContext db, Guid patientId, CancellationToken ct)
    {
        var rows = await (
                from v in db.Visits.AsNoTracking()
                join s in db.Sites.AsNoTracking() on v.SiteId equals s.Id
                where v.PatientId == patientId
                select new VisitRow(
                    v.Id, v.StartedAtUtc, s.TimeZoneId, v.Type, s.Name, v.ClinicianName,
                    db.Examinations.Any(e => e.VisitId == v.Id && e.SupersededBy == null), v.EnteredInError))
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).ToList();
    }
}
