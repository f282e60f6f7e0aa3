using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages;

/// <summary>The home page: today's counts for the signed-in person's roles. Counts only, no patient details.</summary>
public sealed class IndexModel(SpasmCareDbContext db, ClinicTime clock, TimeProvider time, RecallList.Counts recallCounts, ICurrentUser user)
    : PageModel
{
    public sealed record Stat(string Label, string Value);

    /// <summary>Recall items due now at the person's sites, for one reason, with the link into the filtered list.</summary>
    public sealed record RecallCount(RecallReason Reason, string Label, int Count, string Url);

    public string DisplayName { get; private set; } = "";
    public string PartOfDay { get; private set; } = "day";
    public string TodayText { get; private set; } = "";
    public IReadOnlyList<string> RoleLabels { get; private set; } = [];
    public bool IsStaff { get; private set; }
    public bool IsAdmin { get; private set; }
    public List<Stat> Stats { get; } = [];

    /// <summary>Front desk, doctors and nurses: the recall list's counts per reason (empty for others).</summary>
    public IReadOnlyList<RecallCount> Recall { get; private set; } = [];

    /// <summary>Whether the person has sites of their own (otherwise the counts cover every site).</summary>
    public bool HasOwnSites { get; private set; }

    /// <summary>Staff see their home page; a visitor who is not signed in is sent to the public site.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return LocalRedirect("/Clinic");
        }

        DisplayName = User.FindFirstValue(AppClaimsFactory.DisplayName) ?? User.Identity?.Name ?? "";
        RoleLabels = Roles.All.Where(User.IsInRole).Select(Roles.Label).ToList();
        IsAdmin = User.IsInRole(Roles.Admin);
        IsStaff = Roles.All.Any(User.IsInRole);
        var local = clock.Local(time.GetUtcNow().UtcDateTime);
        PartOfDay = local.Hour switch { < 12 => "morning", < 17 => "afternoon", _ => "evening" };
        TodayText = local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

        var startOfDayUtc = clock.StartOfTodayUtc;
        if (IsStaff)
        {
            Stats.Add(new("Patients registered today",
                (await db.Patients.CountAsync(p => p.CreatedAtUtc >= startOfDayUtc, ct)).ToString("N0", CultureInfo.InvariantCulture)));
            Stats.Add(new("Active patients",
                (await db.Patients.CountAsync(p => p.IsActive, ct)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (User.IsInRole(Roles.FrontDesk) || User.IsInRole(Roles.Doctor) || User.IsInRole(Roles.Nurse))
        {
            var mine = await RecallList.MySitesAsync(db, user.UserId, ct);
            HasOwnSites = mine is not null;
            var counts = await recallCounts.HandleAsync(mine, ct);
            Recall = Enum.GetValues<RecallReason>()
                .Select(r => new RecallCount(r, RecallList.Label(r), counts[r], $"/Recall?site={Pages.Recall.IndexModel.Mine}&reason={r}"))
                .ToList();
        }

        if (IsAdmin)
        {
            Stats.Add(new("Active staff accounts",
                (await db.Users.CountAsync(u => u.IsActive, ct)).ToString("N0", CultureInfo.InvariantCulture)));
            Stats.Add(new("Audit events today",
                (await db.AuditEvents.CountAsync(e => e.OccurredAtUtc >= startOfDayUtc, ct)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        return Page();
    }
}
