using System.Globalization;
using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// A practitioner's weekly sessions and the exceptions to them (admin). A practitioner is in one place at a time: two
/// sessions on the same weekday whose validity and hours overlap are refused, at the same site or another.
/// </summary>
public static class AvailabilityAdmin
{
    public static string Day(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    public static string Hours(TimeOnly start, TimeOnly end) =>
        start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whether two date ranges (null end = open) share a day.</summary>
    public static bool DatesOverlap(DateOnly fromA, DateOnly? untilA, DateOnly fromB, DateOnly? untilB) =>
        (untilB is null || fromA <= untilB) && (untilA is null || fromB <= untilA);

    public static bool HoursOverlap(TimeOnly startA, TimeOnly endA, TimeOnly startB, TimeOnly endB) => startA < endB && startB < endA;

    private static async Task<ScheduleResource> PractitionerAsync(SpasmCareDbContext db, Guid resourceId, CancellationToken ct) =>
        await db.ScheduleResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId && r.Kind == ResourceKind.Practitioner, ct)
        ?? throw new KeyNotFoundException();

    private static async Task<string> OpenSiteNameAsync(SpasmCareDbContext db, Guid? siteId, Guid? keepSiteId, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Name, s.IsActive }).FirstOrDefaultAsync(ct);
        if (site is null || (!site.IsActive && siteId != keepSiteId))
        {
            throw new RuleException("site", "Choose an open site.", "SiteId");
        }

        return site.Name;
    }

    /// <summary>Add or edit a weekly session.</summary>
    public static class SaveSession
    {
        public sealed class Request : IValidatableObject
        {
            [Required(ErrorMessage = "Choose the site.")]
            [Display(Name = "Site")]
            public Guid? SiteId { get; set; }

            [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Choose the day of the week.")]
            [Display(Name = "Day")]
            public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

            [Required(ErrorMessage = "Enter the start time.")]
            [Display(Name = "From")]
            public TimeOnly? StartTime { get; set; }

            [Required(ErrorMessage = "Enter the end time.")]
            [Display(Name = "Until")]
            public TimeOnly? EndTime { get; set; }

            [Required(ErrorMessage = "Enter the first day it applies.")]
            [Display(Name = "Valid from")]
            public DateOnly? ValidFrom { get; set; }

            [Display(Name = "Valid until (leave empty if open-ended)")]
            public DateOnly? ValidUntil { get; set; }

            public Guid? Version { get; set; }

            public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
            {
                if (StartTime is { } start && EndTime is { } end && end <= start)
                {
                    yield return new ValidationResult("The session must end after it starts.", [nameof(EndTime)]);
                }

                if (ValidFrom is { } from && ValidUntil is { } until && until < from)
                {
                    yield return new ValidationResult("The last day cannot be before the first.", [nameof(ValidUntil)]);
                }
            }

            public static Request From(WeeklyAvailability a) => new()
            {
                SiteId = a.SiteId, Day = a.Day, StartTime = a.StartTime, EndTime = a.EndTime, ValidFrom = a.ValidFrom,
                ValidUntil = a.ValidUntil, Version = a.Version,
            };
        }

        public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
        {
            /// <summary>Null when the session is not one of this practitioner's; throws KeyNotFound for an unknown practitioner.</summary>
            public async Task<WeeklyAvailability?> HandleAsync(Guid resourceId, Guid? id, Request request, CancellationToken ct)
            {
                await PractitionerAsync(db, resourceId, ct);
                WeeklyAvailability? session;
                if (id is null)
                {
                    session = new WeeklyAvailability { ResourceId = resourceId };
                }
                else
                {
                    session = await db.WeeklyAvailabilities.FirstOrDefaultAsync(a => a.Id == id && a.ResourceId == resourceId, ct);
                    if (session is null)
                    {
                        return null;
                    }

                    if (request.Version != session.Version)
                    {
                        throw new RuleException("conflict", "Someone else changed this session while you were editing. Reload the page and apply your change again.");
                    }
                }

                await OpenSiteNameAsync(db, request.SiteId, id is null ? null : session.SiteId, ct);
                var (start, end, from) = (request.StartTime!.Value, request.EndTime!.Value, request.ValidFrom!.Value);
                var day = request.Day;
                var sameDay = await (from a in db.WeeklyAvailabilities.AsNoTracking()
                                     join s in db.Sites on a.SiteId equals s.Id
                                     where a.ResourceId == resourceId && a.Day == day && a.Id != session.Id
                                     select new { a.StartTime, a.EndTime, a.ValidFrom, a.ValidUntil, Site = s.Name }).ToListAsync(ct);
                var clash = sameDay.FirstOrDefault(o => HoursOverlap(start, end, o.StartTime, o.EndTime)
                                                        && DatesOverlap(from, request.ValidUntil, o.ValidFrom, o.ValidUntil));
                if (clash is not null)
                {
                    throw new RuleException("overlap",
                        $"This overlaps the {Day(day)} session {Hours(clash.StartTime, clash.EndTime)} at {clash.Site} " +
                        $"(from {Date(clash.ValidFrom)}{(clash.ValidUntil is { } u ? " until " + Date(u) : "")}). A practitioner can be in one place at a time.",
                        nameof(Request.StartTime));
                }

                session.SiteId = request.SiteId!.Value;
                session.Day = day;
                session.StartTime = start;
                session.EndTime = end;
                session.ValidFrom = from;
                session.ValidUntil = request.ValidUntil;
                if (id is null)
                {
                    db.WeeklyAvailabilities.Add(session);
                }

                audit.Record(id is null ? AuditAction.AvailabilityCreated : AuditAction.AvailabilityUpdated, "WeeklyAvailability",
                    session.Id.ToString(), detail: $"{resourceId:N} {Day(day)} {Hours(start, end)}");
                await db.SaveChangesAsync(ct);
                return session;
            }
        }
    }

    /// <summary>Leave (whole or part of a day, at one site or everywhere) or a one-off extra session.</summary>
    public static class AddException
    {
        public sealed class Request : IValidatableObject
        {
            [EnumDataType(typeof(AvailabilityExceptionKind), ErrorMessage = "Choose leave or an extra session.")]
            [Display(Name = "Kind")]
            public AvailabilityExceptionKind Kind { get; set; }

            [Display(Name = "Site (leave empty for every site)")]
            public Guid? SiteId { get; set; }

            [Required(ErrorMessage = "Enter the date.")]
            [Display(Name = "Date")]
            public DateOnly? Date { get; set; }

            [Display(Name = "From (leave empty for the whole day)")]
            public TimeOnly? StartTime { get; set; }

            [Display(Name = "Until")]
            public TimeOnly? EndTime { get; set; }

            [StringLength(AvailabilityException.ReasonMax, ErrorMessage = "The reason can be at most {1} characters.")]
            [Display(Name = "Reason")]
            public string? Reason { get; set; }

            public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
            {
                if (Kind == AvailabilityExceptionKind.ExtraSession)
                {
                    if (SiteId is null)
                    {
                        yield return new ValidationResult("Choose the site of the extra session.", [nameof(SiteId)]);
                    }

                    if (StartTime is null || EndTime is null)
                    {
                        yield return new ValidationResult("Enter the extra session's start and end times.", [nameof(StartTime)]);
                    }
                }
                else if ((StartTime is null) != (EndTime is null))
                {
                    yield return new ValidationResult("Enter both times for part of a day, or neither for the whole day.", [nameof(StartTime)]);
                }

                if (StartTime is { } start && EndTime is { } end && end <= start)
                {
                    yield return new ValidationResult("The end time must be after the start time.", [nameof(EndTime)]);
                }
            }
        }

        public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
        {
            public async Task<AvailabilityException> HandleAsync(Guid resourceId, Request request, CancellationToken ct)
            {
                await PractitionerAsync(db, resourceId, ct);
                if (request.SiteId is not null || request.Kind == AvailabilityExceptionKind.ExtraSession)
                {
                    await OpenSiteNameAsync(db, request.SiteId, null, ct);
                }

                var date = request.Date!.Value;
                if (request.Kind == AvailabilityExceptionKind.ExtraSession)
                {
                    var (start, end) = (request.StartTime!.Value, request.EndTime!.Value);
                    var day = date.DayOfWeek;
                    var weekly = await (from a in db.WeeklyAvailabilities.AsNoTracking()
                                        join s in db.Sites on a.SiteId equals s.Id
                                        where a.ResourceId == resourceId && a.Day == day && a.ValidFrom <= date && (a.ValidUntil == null || a.ValidUntil >= date)
                                        select new { a.StartTime, a.EndTime, Site = s.Name }).ToListAsync(ct);
                    var extra = await (from e in db.AvailabilityExceptions.AsNoTracking()
                                       join s in db.Sites on e.SiteId equals s.Id
                                       where e.ResourceId == resourceId && e.Date == date && e.Kind == AvailabilityExceptionKind.ExtraSession
                                       select new { StartTime = e.StartTime!.Value, EndTime = e.EndTime!.Value, Site = s.Name }).ToListAsync(ct);
                    var clash = weekly.Concat(extra).FirstOrDefault(o => HoursOverlap(start, end, o.StartTime, o.EndTime));
                    if (clash is not null)
                    {
                        throw new RuleException("overlap",
                            $"On {Date(date)} this practitioner already works {Hours(clash.StartTime, clash.EndTime)} at {clash.Site}.",
                            nameof(Request.StartTime));
                    }
                }

                var exception = new AvailabilityException
                {
                    ResourceId = resourceId,
                    Kind = request.Kind,
                    SiteId = request.SiteId,
                    Date = date,
                    StartTime = request.StartTime,
                    EndTime = request.EndTime,
                    Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
                };
                db.AvailabilityExceptions.Add(exception);
                audit.Record(AuditAction.AvailabilityExceptionCreated, "AvailabilityException", exception.Id.ToString(),
                    detail: $"{resourceId:N} {request.Kind} {date:yyyy-MM-dd}");
                await db.SaveChangesAsync(ct);
                return exception;
            }
        }
    }

    /// <summary>Removes an exception (leave that was cancelled, an extra session that will not happen).</summary>
    public sealed class DeleteException(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<bool> HandleAsync(Guid resourceId, Guid id, CancellationToken ct)
        {
            var exception = await db.AvailabilityExceptions.FirstOrDefaultAsync(e => e.Id == id && e.ResourceId == resourceId, ct);
            if (exception is null)
            {
                return false;
            }

            db.AvailabilityExceptions.Remove(exception);
            audit.Record(AuditAction.AvailabilityExceptionDeleted, "AvailabilityException", id.ToString(),
                detail: $"{resourceId:N} {exception.Kind} {exception.Date:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
