using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Hosting;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Pages.Admin.Scheduling;

/// <summary>Holidays: days a site, or every site, is closed.</summary>
public sealed class HolidaysModel(SpasmCareDbContext db, HolidayAdmin.AddHandler add, HolidayAdmin.DeleteHandler delete, ClinicTime clinic) : PageModel
{
    public sealed record Row(Holiday Holiday, string? Site);

    [BindProperty] public HolidayAdmin.Request Input { get; set; } = new();

    public List<Row> Holidays { get; private set; } = [];
    public List<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new() { Date = clinic.Today };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var holiday = await add.HandleAsync(Input, ct);
        TempData["Status"] = $"{holiday.Name} added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid holidayId, CancellationToken ct)
    {
        if (!await delete.HandleAsync(holidayId, ct))
        {
            return NotFound();
        }

        TempData["Status"] = "Holiday removed.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var since = clinic.Today.AddDays(-30);
        Holidays = await (from h in db.Holidays.AsNoTracking()
                          join s in db.Sites on h.SiteId equals s.Id into site
                          from s in site.DefaultIfEmpty()
                          where h.Date >= since
                          orderby h.Date
                          select new Row(h, s == null ? null : s.Name)).ToListAsync(ct);
        Sites = [.. await SiteList.ActiveAsync(db, ct)];
    }
}
