using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>One inquiry as staff see it: what the visitor sent, the triage suggestion, where it stands, its history.</summary>
public sealed record InquiryDetails(
    Inquiry Inquiry,
    string? SiteName,
    string? AssignedToName,
    string? PatientMrn,
    TriageSuggestion Triage,
    bool IsOverdue,
    IReadOnlyList<InquiryNote> History,
    IReadOnlyList<InquiryDetails.Mail> Mails)
{
    public sealed record Mail(string Kind, OutboxStatus Status, int Attempts, DateTime? SentAtUtc, DateTime NextAttemptAtUtc);

    /// <summary>A staff member an inquiry can be assigned to (front desk and doctors, active accounts).</summary>
    public sealed record Assignee(Guid Id, string Name);

    public sealed class Query(SpasmCareDbContext db, AuditLog audit, WorkingDays workingDays)
    {
        /// <summary>The inquiry, with its read audited (committed before it is shown); null when there is none.</summary>
        public async Task<InquiryDetails?> LoadAsync(Guid id, AuditAction action, CancellationToken ct)
        {
            var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (inquiry is null)
            {
                return null;
            }

            var site = inquiry.PreferredSiteId is { } siteId
                ? await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => s.Name).FirstOrDefaultAsync(ct)
                : null;
            var assignee = inquiry.AssignedToUserId is { } userId
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
                : null;
            var mrn = inquiry.PatientId is { } patientId
                ? await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Mrn).FirstOrDefaultAsync(ct)
                : null;
            var history = await db.InquiryNotes.AsNoTracking()
                .Where(n => n.InquiryId == id)
                .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
                .ToListAsync(ct);
            var mails = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.InquiryId == id)
                .OrderBy(m => m.CreatedAtUtc)
                .Select(m => new Mail(m.Kind, m.Status, m.Attempts, m.SentAtUtc, m.NextAttemptAtUtc))
                .ToListAsync(ct);

            audit.Record(action, "Inquiry", id.ToString(), inquiry.PatientId);
            await db.SaveChangesAsync(ct);

            return new InquiryDetails(inquiry, site, assignee, mrn, InquiryTriage.Suggest(inquiry.Answers),
                inquiry.Status == InquiryStatus.New && workingDays.IsOverdue(inquiry.ReceivedAtUtc), history, mails);
        }

        /// <summary>Active front-desk and doctor accounts, by name.</summary>
        public async Task<IReadOnlyList<Assignee>> AssigneesAsync(CancellationToken ct) =>
            await AssigneeQuery(db).OrderBy(u => u.DisplayName).Select(u => new Assignee(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    internal static IQueryable<AppUser> AssigneeQuery(SpasmCareDbContext db) =>
        db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.FrontDesk || r.Name == Roles.Doctor))));
}
