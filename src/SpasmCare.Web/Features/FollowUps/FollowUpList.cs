using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.FollowUps;

/// <summary>Which open tasks the worklist shows, by their window of dates against today.</summary>
public enum FollowUpWindow
{
    /// <summary>Overdue, due now, or opening within the next 7 days: the default working view.</summary>
    Due = 0,

    /// <summary>The last day of the window has passed.</summary>
    Overdue = 1,

    /// <summary>Today falls inside the window.</summary>
    Today = 2,

    /// <summary>The window opens or is open within the next 7 days (not overdue).</summary>
    ThisWeek = 3,

    /// <summary>Every open task.</summary>
    All = 4,
}

/// <summary>
/// The follow-up worklist: open tasks of every kind (toxin onset checks and peak reviews, MVD follow-ups), by site and
/// window, each with a link to the page that completes it. Every patient shown is audited as a read.
/// </summary>
public static class FollowUpList
{
    public const string Subject = "FollowUpTask";
    public const int PageSize = 50;
    public const int WeekDays = 7;

    public sealed record Row(
        Guid Id, Guid Version, Guid PatientId, string PatientName, string Mrn, string Mobile, FollowUpKind Kind, string? Milestone,
        Guid SourceId, DateOnly DueFrom, DateOnly DueBy, Guid SiteId, string SiteName)
    {
        public string KindLabel => Kind switch
        {
            FollowUpKind.ToxinOnsetCheck => "Toxin: onset check",
            FollowUpKind.ToxinPeakReview => "Toxin: peak review",
            FollowUpKind.MvdFollowUp => "MVD follow-up" + (Milestone is null ? "" : ": " + Milestone),
            _ => Kind.ToString(),
        };

        /// <summary>Where the task is done: the session's new-review form, or the MVD case.</summary>
        public string SourceUrl => Kind switch
        {
            FollowUpKind.ToxinOnsetCheck or FollowUpKind.ToxinPeakReview =>
                $"/Patients/{PatientId}/Toxin/Sessions/{SourceId}/Reviews/New?answers={Kind}",
            FollowUpKind.MvdFollowUp => $"/Patients/{PatientId}/Surgery/Cases/{SourceId}",
            _ => $"/Patients/Details/{PatientId}",
        };

        public string SourceLabel => Kind switch
        {
            FollowUpKind.MvdFollowUp => "Open the case",
            _ => "Record the review",
        };

        /// <summary>Days past the last day of the window (0 when not overdue).</summary>
        public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - DueBy.DayNumber);
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, DateOnly Today)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Query(SpasmCareDbContext db, AuditLog audit, ClinicTime clock)
    {
        public async Task<Result> HandleAsync(Guid? siteId, FollowUpWindow window, int page, CancellationToken ct)
        {
            var today = clock.Today;
            var weekEnd = today.AddDays(WeekDays);
            var tasks = db.FollowUpTasks.AsNoTracking().Where(t => t.Status == FollowUpStatus.Open);
            if (siteId is { } site)
            {
                tasks = tasks.Where(t => t.SiteId == site);
            }

            tasks = window switch
            {
                FollowUpWindow.Overdue => tasks.Where(t => t.DueBy < today),
                FollowUpWindow.Today => tasks.Where(t => t.DueFrom <= today && t.DueBy >= today),
                FollowUpWindow.ThisWeek => tasks.Where(t => t.DueFrom <= weekEnd && t.DueBy >= today),
                FollowUpWindow.All => tasks,
                _ => tasks.Where(t => t.DueFrom <= weekEnd),
            };

            var rows =
                from t in tasks
                join p in db.Patients on t.PatientId equals p.Id
                join s in db.Sites on t.SiteId equals s.Id into sites
                from s in sites.DefaultIfEmpty()
                orderby t.DueBy, t.DueFrom, p.FamilyName, p.GivenName, t.Id
                select new
                {
                    t.Id, t.Version, t.PatientId, p.GivenName, p.FamilyName, p.Mrn, p.Mobile, t.Kind, t.Milestone, t.SourceId,
                    t.DueFrom, t.DueBy, t.SiteId, SiteName = s == null ? "" : s.Name,
                };
            var total = await rows.CountAsync(ct);
            page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var items = await rows.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            foreach (var patientId in items.Select(i => i.PatientId).Distinct())
            {
                audit.Read(AuditAction.FollowUpListViewed, patientId);
            }

            return new Result(
                [.. items.Select(i => new Row(i.Id, i.Version, i.PatientId, PatientFormats.FullName(i.GivenName, i.FamilyName), i.Mrn,
                    i.Mobile, i.Kind, i.Milestone, i.SourceId, i.DueFrom, i.DueBy, i.SiteId, i.SiteName))],
                total, page, today);
        }

        /// <summary>One open task, for the cancel page; null when unknown or no longer open. Audited as a read of its patient.</summary>
        public async Task<Row?> OpenTaskAsync(Guid id, CancellationToken ct)
        {
            var i = await (
                    from t in db.FollowUpTasks.AsNoTracking()
                    where t.Id == id && t.Status == FollowUpStatus.Open
                    join p in db.Patients on t.PatientId equals p.Id
                    join s in db.Sites on t.SiteId equals s.Id into sites
                    from s in sites.DefaultIfEmpty()
                    select new
                    {
                        t.Id, t.Version, t.PatientId, p.GivenName, p.FamilyName, p.Mrn, p.Mobile, t.Kind, t.Milestone, t.SourceId,
                        t.DueFrom, t.DueBy, t.SiteId, SiteName = s == null ? "" : s.Name,
                    })
                .FirstOrDefaultAsync(ct);
            if (i is null)
            {
                return null;
            }

            audit.Read(AuditAction.FollowUpListViewed, i.PatientId, Subject, i.Id.ToString());
            return new Row(i.Id, i.Version, i.PatientId, PatientFormats.FullName(i.GivenName, i.FamilyName), i.Mrn, i.Mobile, i.Kind,
                i.Milestone, i.SourceId, i.DueFrom, i.DueBy, i.SiteId, i.SiteName);
        }
    }

    public static string Label(FollowUpWindow window) => window switch
    {
        FollowUpWindow.Due => "Overdue, due now or within 7 days",
        FollowUpWindow.Overdue => "Overdue",
        FollowUpWindow.Today => "Due today",
        FollowUpWindow.ThisWeek => "Due this week",
        FollowUpWindow.All => "All open tasks",
        _ => window.ToString(),
    };
}
