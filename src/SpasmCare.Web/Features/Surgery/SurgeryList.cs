using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Surgery;

/// <summary>The surgery list: cases in progress by status, and the theatre list of booked operations to come.</summary>
public static class SurgeryList
{
    public sealed record Row(
        Guid CaseId, Guid PatientId, string PatientName, string Mrn, MvdCaseStatus Status, DateTime ReferredAtUtc,
        Guid? HospitalSiteId, string? Hospital, string? Theatre, DateTime? ScheduledStartUtc, int? ScheduledMinutes,
        string? SurgeonName, string? TimeZoneId, bool IsRedo, DateTime? DischargedAtUtc);

    public sealed record Result(IReadOnlyList<Row> Cases, IReadOnlyList<Row> TheatreList, IReadOnlyList<(Guid Id, string Name)> Hospitals)
    {
        public IEnumerable<Row> WithStatus(MvdCaseStatus status) => Cases.Where(c => c.Status == status);
    }

    /// <summary>Statuses the list shows, in pathway order.</summary>
    public static IReadOnlyList<MvdCaseStatus> Shown { get; } =
        [MvdCaseStatus.Referred, MvdCaseStatus.ReadyForSurgery, MvdCaseStatus.Booked, MvdCaseStatus.Operated, MvdCaseStatus.Discharged];

    /// <summary>How far back discharged cases stay on the list.</summary>
    public const int DischargedDays = 90;

    public sealed class Query(SpasmCareDbContext db, TimeProvider time)
    {
        public async Task<Result> LoadAsync(Guid? hospitalId, CancellationToken ct)
        {
            var now = Clock.UtcNow(time);
            var dischargedSince = now.AddDays(-DischargedDays);
            var query =
                from c in db.MvdCases.AsNoTracking()
                join p in db.Patients.AsNoTracking() on c.PatientId equals p.Id
                join s in db.Sites.AsNoTracking() on c.HospitalSiteId equals s.Id into sites
                from s in sites.DefaultIfEmpty()
                where c.Status == MvdCaseStatus.Referred || c.Status == MvdCaseStatus.ReadyForSurgery || c.Status == MvdCaseStatus.Booked
                    || c.Status == MvdCaseStatus.Operated
                    || (c.Status == MvdCaseStatus.Discharged && c.DischargedAtUtc >= dischargedSince)
                select new
                {
                    c.Id, c.PatientId, p.GivenName, p.FamilyName, p.Mrn, c.Status, c.ReferredAtUtc, c.HospitalSiteId,
                    Hospital = s == null ? null : s.Name, c.Theatre, c.ScheduledStartUtc, c.ScheduledMinutes, c.SurgeonName,
                    TimeZoneId = s == null ? null : s.TimeZoneId, c.RedoOfCaseId, c.DischargedAtUtc,
                };
            if (hospitalId is { } h)
            {
                query = query.Where(x => x.HospitalSiteId == h);
            }

            var rows = (await query.ToListAsync(ct))
                .Select(x => new Row(x.Id, x.PatientId, PatientFormats.FullName(x.GivenName, x.FamilyName), x.Mrn, x.Status, x.ReferredAtUtc,
                    x.HospitalSiteId, x.Hospital, x.Theatre, x.ScheduledStartUtc, x.ScheduledMinutes, x.SurgeonName, x.TimeZoneId,
                    x.RedoOfCaseId is not null, x.DischargedAtUtc))
                .OrderBy(r => r.ScheduledStartUtc ?? r.ReferredAtUtc)
                .ToList();
            var theatre = rows
                .Where(r => r.Status == MvdCaseStatus.Booked && r.ScheduledStartUtc is { } start && start.AddMinutes(r.ScheduledMinutes ?? 0) >= now)
                .OrderBy(r => r.ScheduledStartUtc).ThenBy(r => r.Hospital).ThenBy(r => r.Theatre)
                .ToList();
            var hospitals = await db.Sites.AsNoTracking()
                .Where(s => s.Kind == SiteKind.Hospital && s.HasOperatingTheatre)
                .OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name })
                .ToListAsync(ct);
            return new Result(rows, theatre, hospitals.Select(s => (s.Id, s.Name)).ToList());
        }
    }
}
