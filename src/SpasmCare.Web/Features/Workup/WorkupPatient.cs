using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Workup;

/// <summary>Who a workup page is about: enough for its heading and the way back to the patient page.</summary>
public sealed record WorkupPatient(Guid Id, string Name, string Mrn, DateOnly BirthDate)
{
    public static async Task<WorkupPatient?> FindAsync(SpasmCareDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking()
            .Where(x => x.Id == id)
            .Select(x => new { x.Id, x.GivenName, x.FamilyName, x.Mrn, x.BirthDate })
            .FirstOrDefaultAsync(ct);
        return p is null ? null : new WorkupPatient(p.Id, PatientFormats.FullName(p.GivenName, p.FamilyName), p.Mrn, p.BirthDate);
    }
}

public static class WorkupAudit
{
    /// <summary>
    /// Records an attempt that saved nothing (not found, invalid form, a rule refused it) against the patient; its
    /// outcome is taken from the response status when the request ends.
    /// </summary>
    public static void Attempt(this AuditLog audit, AuditAction action, Guid patientId, string subjectType, Guid? subjectId) =>
        audit.Read(action, patientId, subjectType, (subjectId ?? patientId).ToString());
}
