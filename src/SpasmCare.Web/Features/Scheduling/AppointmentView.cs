using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>An appointment as its page shows it: who, what, where and when (in the site's zone), and the patient's record of attendance.</summary>
public sealed record AppointmentView(
    Appointment Appointment, string PatientName, string Mrn, bool PatientActive, string TypeCode, string TypeName, bool IsRemote,
    bool StartsVisit, Guid SiteId, string SiteName, string TimeZoneId, string PractitionerName, string? RoomName, string? TheatreName,
    string? AnaesthetistName, int Completed, int NoShows, int Cancelled)
{
    public DateTime LocalStart => VisitTime.Local(Appointment.StartUtc, TimeZoneId);
    public DateTime LocalEnd => VisitTime.Local(Appointment.EndUtc, TimeZoneId);

    /// <summary>The zone's name as people know it ("India Standard Time"), in summer or winter as it is on the day.</summary>
    public string ZoneName
    {
        get
        {
            var zone = VisitTime.Zone(TimeZoneId);
            return zone.IsDaylightSavingTime(LocalStart) ? zone.DaylightName : zone.StandardName;
        }
    }

    public sealed class Query(SpasmCareDbContext db)
    {
        public async Task<AppointmentView?> LoadAsync(Guid id, CancellationToken ct)
        {
            var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appointment is null)
            {
                return null;
            }

            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == appointment.PatientId)
                .Select(p => new { p.GivenName, p.FamilyName, p.Mrn, p.IsActive }).FirstAsync(ct);
            var type = await db.AppointmentTypes.AsNoTracking().FirstAsync(t => t.Id == appointment.TypeId, ct);
            var site = await db.Sites.AsNoTracking().Where(s => s.Id == appointment.SiteId).Select(s => new { s.Name, s.TimeZoneId }).FirstAsync(ct);
            var ids = new[] { appointment.PractitionerId, appointment.RoomId, appointment.TheatreId, appointment.AnaesthetistId }.OfType<Guid>().ToList();
            var names = await db.ScheduleResources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
            var history = await db.Appointments.AsNoTracking().Where(a => a.PatientId == appointment.PatientId)
                .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            int Count(AppointmentStatus s) => history.FirstOrDefault(h => h.Status == s)?.Count ?? 0;
            string? Name(Guid? rid) => rid is { } r && names.TryGetValue(r, out var n) ? n : null;
            return new AppointmentView(
                appointment, (patient.GivenName + " " + patient.FamilyName).Trim(), patient.Mrn, patient.IsActive, type.Code, type.Name, type.IsRemote,
                type.VisitType is not null, appointment.SiteId, site.Name, site.TimeZoneId, Name(appointment.PractitionerId) ?? "", Name(appointment.RoomId),
                Name(appointment.TheatreId), Name(appointment.AnaesthetistId),
                Count(AppointmentStatus.Completed), Count(AppointmentStatus.NoShow), Count(AppointmentStatus.Cancelled));
        }
    }
}
