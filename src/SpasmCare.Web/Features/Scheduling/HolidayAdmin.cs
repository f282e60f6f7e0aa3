using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Days a site (or every site) is closed (admin). No session of any practitioner is offered on them.</summary>
public static class HolidayAdmin
{
    public sealed class Request
    {
        [Display(Name = "Site (leave empty for every site)")]
        public Guid? SiteId { get; set; }

        [Required(ErrorMessage = "Enter the date.")]
        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the holiday's name.")]
        [StringLength(Holiday.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";
    }

    public sealed class AddHandler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<Holiday> HandleAsync(Request request, CancellationToken ct)
        {
            if (request.SiteId is { } siteId && !await db.Sites.AnyAsync(s => s.Id == siteId && s.IsActive, ct))
            {
                throw new RuleException("site", "Choose an open site, or leave it empty for every site.", nameof(Request.SiteId));
            }

            var date = request.Date!.Value;
            if (await db.Holidays.AnyAsync(h => h.Date == date && (h.SiteId == null || h.SiteId == request.SiteId), ct))
            {
                throw new RuleException("duplicate-holiday", "This day is already a holiday there.", nameof(Request.Date));
            }

            var holiday = new Holiday { SiteId = request.SiteId, Date = date, Name = request.Name.Trim() };
            db.Holidays.Add(holiday);
            audit.Record(AuditAction.HolidayCreated, "Holiday", holiday.Id.ToString(), detail: $"{date:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
            return holiday;
        }
    }

    public sealed class DeleteHandler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<bool> HandleAsync(Guid id, CancellationToken ct)
        {
            var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, ct);
            if (holiday is null)
            {
                return false;
            }

            db.Holidays.Remove(holiday);
            audit.Record(AuditAction.HolidayDeleted, "Holiday", id.ToString(), detail: $"{holiday.Date:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
