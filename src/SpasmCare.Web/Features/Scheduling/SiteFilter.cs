using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// The calendar's site filter, which never resets by itself: a site chosen once is remembered (a cookie, for a
/// year) across dates, views and visits until someone picks another. Only open sites are offered or remembered;
/// a remembered site that has since closed falls back to the first open one.
/// </summary>
public static class SiteFilter
{
    public const string CookieName = "SpasmCare.ScheduleSite";

    /// <summary>
    /// The site to show: the one asked for (remembered from now on), else the remembered one, else the first open
    /// site; null when no site is open.
    /// </summary>
    public static Site? Choose(HttpContext http, Guid? requested, IEnumerable<Site> sites)
    {
        var open = sites.Where(s => s.IsActive).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var chosen = requested is { } id ? open.FirstOrDefault(s => s.Id == id) : null;
        if (chosen is not null)
        {
            Remember(http, chosen.Id);
            return chosen;
        }

        return Remembered(http) is { } saved && open.FirstOrDefault(s => s.Id == saved) is { } remembered
            ? remembered
            : open.FirstOrDefault();
    }

    public static Guid? Remembered(HttpContext http) =>
        Guid.TryParse(http.Request.Cookies[CookieName], out var id) ? id : null;

    private static void Remember(HttpContext http, Guid siteId)
    {
        if (Remembered(http) == siteId)
        {
            return;
        }

        http.Response.Cookies.Append(CookieName, siteId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
