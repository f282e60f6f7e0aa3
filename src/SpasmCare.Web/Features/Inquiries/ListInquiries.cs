using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>The staff inbox: inquiries by status, site, age, assignment and the overdue marker, newest first.</summary>
public static class ListInquiries
{
    public const int PageSize = 50;

    /// <summary>Which statuses to show; <c>Open</c> (new and contacted) is the working view.</summary>
    public enum StatusFilter
    {
        Open = 0,
        New = 1,
        Contacted = 2,
        Booked = 3,
        Closed = 4,
        All = 5,
    }

    /// <summary>How long ago the inquiry arrived.</summary>
    public enum AgeFilter
    {
        Any = 0,
        UnderOneDay = 1,
        OneToSevenDays = 2,
        OverSevenDays = 3,
        OverThirtyDays = 4,
    }

    public enum AssignmentFilter
    {
        Anyone = 0,
        Me = 1,
        Nobody = 2,
    }

    /// <summary>The filters, from the query string (none of them is personal data).</summary>
    public sealed class Filter
    {
        public StatusFilter Status { get; set; }
        public Guid? Site { get; set; }
        public AgeFilter Age { get; set; }
        public AssignmentFilter Assigned { get; set; }

        /// <summary>Only those unanswered (still new) for more than one working day.</summary>
        public bool Overdue { get; set; }

        [Range(1, 100_000)] public int Page { get; set; } = 1;
    }

    public sealed record Row(
        Guid Id, string Reference, DateTime ReceivedAtUtc, string Name, string? SiteName, InquiryStatus Status,
        string? AssignedTo, TriageSuggestion Triage, bool IsOverdue, bool IsConverted);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Pages);

    public sealed class Query(SpasmCareDbContext db, AuditLog audit, ICurrentUser user, TimeProvider time, WorkingDays workingDays)
    {
        public async Task<Result> RunAsync(Filter filter, CancellationToken ct)
        {
            var now = Clock.UtcNow(time);
            var overdueBefore = workingDays.OverdueCutoffUtc();
            var query = db.Inquiries.AsNoTracking();
            query = filter.Status switch
            {
                StatusFilter.Open => query.Where(i => i.Status == InquiryStatus.New || i.Status == InquiryStatus.Contacted),
                StatusFilter.New => query.Where(i => i.Status == InquiryStatus.New),
                StatusFilter.Contacted => query.Where(i => i.Status == InquiryStatus.Contacted),
                StatusFilter.Booked => query.Where(i => i.Status == InquiryStatus.Booked),
                StatusFilter.Closed => query.Where(i => i.Status == InquiryStatus.Closed),
                StatusFilter.All => query,
                _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Status, null),
            };
            if (filter.Site is { } site)
            {
                query = query.Where(i => i.PreferredSiteId == site);
            }

            var dayAgo = now.AddDays(-1);
            var weekAgo = now.AddDays(-7);
            var monthAgo = now.AddDays(-30);
            query = filter.Age switch
            {
                AgeFilter.UnderOneDay => query.Where(i => i.ReceivedAtUtc >= dayAgo),
                AgeFilter.OneToSevenDays => query.Where(i => i.ReceivedAtUtc < dayAgo && i.ReceivedAtUtc >= weekAgo),
                AgeFilter.OverSevenDays => query.Where(i => i.ReceivedAtUtc < weekAgo),
                AgeFilter.OverThirtyDays => query.Where(i => i.ReceivedAtUtc < monthAgo),
                AgeFilter.Any => query,
                _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Age, null),
            };
            var me = user.UserId;
            query = filter.Assigned switch
            {
                AssignmentFilter.Me => query.Where(i => i.AssignedToUserId == me),
                AssignmentFilter.Nobody => query.Where(i => i.AssignedToUserId == null),
                AssignmentFilter.Anyone => query,
                _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Assigned, null),
            };
            if (filter.Overdue)
            {
                query = query.Where(i => i.Status == InquiryStatus.New && i.ReceivedAtUtc < overdueBefore);
            }

            var total = await query.CountAsync(ct);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(filter.Page, 1, pages);
            var rows = await query
                .OrderByDescending(i => i.ReceivedAtUtc).ThenByDescending(i => i.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(i => new
                {
                    Inquiry = i,
                    Site = db.Sites.Where(s => s.Id == i.PreferredSiteId).Select(s => s.Name).FirstOrDefault(),
                    Assignee = db.Users.Where(u => u.Id == i.AssignedToUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct);

            // Each inquiry shown is personal data read: one audit row each, committed before the page is sent.
            foreach (var r in rows)
            {
                audit.Record(AuditAction.InquiryListed, "Inquiry", r.Inquiry.Id.ToString(), r.Inquiry.PatientId);
            }

            if (rows.Count > 0)
            {
                await db.SaveChangesAsync(ct);
            }

            return new Result(
                rows.Select(r => new Row(
                    r.Inquiry.Id, r.Inquiry.Reference, r.Inquiry.ReceivedAtUtc, r.Inquiry.Name, r.Site, r.Inquiry.Status,
                    r.Assignee, InquiryTriage.Suggest(r.Inquiry.Answers),
                    r.Inquiry.Status == InquiryStatus.New && r.Inquiry.ReceivedAtUtc < overdueBefore,
                    r.Inquiry.PatientId is not null)).ToList(),
                total, page, pages);
        }

        public Task<IReadOnlyList<Site>> SitesAsync(CancellationToken ct) => SiteList.ActiveAsync(db, ct);
    }
}
