using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.PublicSite;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.PublicSite;

/// <summary>
/// The public information pages: anonymous, titled, sanitised, in the visitor's language or English with a note;
/// edited by an admin only, with a preview, validation and a conflict check; seeded once.
/// Tests that change pages use Hindi or Marathi versions, or put back what they change, so that others see the seed.
/// </summary>
public abstract class PublicSiteTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Theory]
    [MemberData(nameof(PublicSiteData.Slugs), MemberType = typeof(PublicSiteData))]
    public async Task ContentPage_Anonymous_RendersWithItsTitleAndDescription(string slug)
    {
        var stored = await app.WithDbAsync(db => db.ContentPages.AsNoTracking().SingleAsync(p => p.Slug == slug && p.Language == "en"));
        var client = app.CreateClient();

        var response = await client.GetAsync(slug == PublicPages.Home ? "/Clinic" : "/Clinic/" + slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"<title>{stored.Title} · ", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"description\" content=\"{stored.MetaDescription}\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet available", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeededPages_CarryTheFiguresTheIssueAsksFor()
    {
        var client = app.CreateClient();

        var toxin = PageHtml.TextOf(await (await client.GetAsync("/Clinic/botulinum-toxin")).Content.ReadAsStringAsync());
        var surgery = PageHtml.TextOf(await (await client.GetAsync("/Clinic/mvd-surgery")).Content.ReadAsStringAsync());
        var medicines = PageHtml.TextOf(await (await client.GetAsync("/Clinic/medicines")).Content.ReadAsStringAsync());
        var versus = await (await client.GetAsync("/Clinic/hfs-vs-blepharospasm")).Content.ReadAsStringAsync();

        Assert.Contains("3 to 5 days", toxin, StringComparison.Ordinal);
        Assert.Contains("1 to 2 weeks", toxin, StringComparison.Ordinal);
        Assert.Contains("About 3 months", toxin, StringComparison.Ordinal);
        Assert.Contains("antibodies", toxin, StringComparison.Ordinal);
        Assert.Contains("88 to 91 out of 100", surgery, StringComparison.Ordinal);
        Assert.Contains("HLA-B*15:02", medicines, StringComparison.Ordinal);
        Assert.Contains("<table>", versus, StringComparison.Ordinal);
        Assert.Contains("<th>Blepharospasm</th>", versus, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hi", "Hindi")]
    [InlineData("mr", "Marathi")]
    public async Task ContentPage_NoTranslationYet_ShowsEnglishWithANote(string lang, string language)
    {
        var client = app.CreateClient();

        var response = await client.GetAsync("/Clinic/about-hfs?lang=" + lang);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"This page is not yet available in {language}; showing English.", html, StringComparison.Ordinal);
        Assert.Contains("What is hemifacial spasm?", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Clinic/symptoms?lang={lang}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_IsInTheVisitorsLanguage_OnContentAndContactPages()
    {
        var client = app.CreateClient();

        var content = await (await client.GetAsync("/Clinic?lang=mr")).HtmlAsync();
        var contact = await (await client.GetAsync("/Contact?lang=hi")).HtmlAsync();

        Assert.Contains(PublicText.NavDoctors.Marathi, content, StringComparison.Ordinal);
        Assert.Contains("href=\"/Clinic/Doctors?lang=mr\"", content, StringComparison.Ordinal);
        Assert.Contains(PublicText.NavTreatments.Hindi, contact, StringComparison.Ordinal);
        Assert.Contains("href=\"/Clinic/faq?lang=hi\"", contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSlug_IsNotFound()
    {
        var response = await app.CreateClient().GetAsync("/Clinic/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StoredMarkdown_WithScriptsHandlersAndJavascriptLinks_IsSanitisedOnRender()
    {
        await app.WithDbAsync(async db =>
        {
            db.ContentPages.Add(new ContentPage
            {
                Slug = PublicPages.Diagnosis, Language = "mr", Title = "निदान", MetaDescription = "चाचणी",
                Markdown = "# Safe heading\n\n<script>alert('x')</script>\n\n<img src=\"x\" onerror=\"alert(1)\">\n\n" +
                           "[click](javascript:alert(2)) and <a href=\"javascript:alert(3)\">raw</a>\n\n<p style=\"color:red\" onclick=\"x()\">kept text</p>\n",
            });
            return await db.SaveChangesAsync();
        });

        var html = await (await app.CreateClient().GetAsync("/Clinic/diagnosis?lang=mr")).Content.ReadAsStringAsync();

        Assert.Contains("Safe heading", html, StringComparison.Ordinal);
        Assert.Contains("kept text", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("color:red", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not yet available", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminEdit_CreatesATranslation_ThenAStaleSaveIsRefused()
    {
        var admin = app.CreateClient(Roles.Admin);
        const string url = "/Admin/Content/Edit/faq/hi";

        var created = await admin.PostFormAsync(url, Fields("प्रश्न और उत्तर", "अक्सर पूछे जाने वाले प्रश्न", "# प्रश्न\n\nपहला उत्तर", ""));

        Assert.Equal("/Admin/Content", Redirects.LocationOf(created));
        var page = await app.WithDbAsync(db => db.ContentPages.AsNoTracking().SingleAsync(p => p.Slug == "faq" && p.Language == "hi"));
        Assert.Equal("प्रश्न और उत्तर", page.Title);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.ContentPageCreated && e.SubjectId == page.Id.ToString() && e.ActorId == TestAuthHandler.UserIdOf(Roles.Admin))));
        var shown = await (await app.CreateClient().GetAsync("/Clinic/faq?lang=hi")).HtmlAsync();
        Assert.Contains("<title>प्रश्न और उत्तर · ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet available", shown, StringComparison.Ordinal);

        var stale = page.Version.ToString();
        var edited = await admin.PostFormAsync(url, Fields("दूसरा शीर्षक", "विवरण", "# दूसरा", stale));
        Assert.Equal("/Admin/Content", Redirects.LocationOf(edited));
        var conflict = await admin.PostFormAsync(url, Fields("तीसरा शीर्षक", "विवरण", "# तीसरा", stale));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this page while you were editing", await conflict.HtmlAsync(), StringComparison.Ordinal);
        var after = await app.WithDbAsync(db => db.ContentPages.AsNoTracking().SingleAsync(p => p.Slug == "faq" && p.Language == "hi"));
        Assert.Equal("दूसरा शीर्षक", after.Title);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ContentPageUpdated && e.SubjectId == page.Id.ToString())));
    }

    [Fact]
    public async Task AdminEdit_MissingTitleOrTooLongText_ShowsMessagesAndSavesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);

        var response = await admin.PostFormAsync("/Admin/Content/Edit/symptoms/mr",
            Fields("", "वर्णन", new string('x', ContentPage.MarkdownMax + 1), ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Enter the page title.", html, StringComparison.Ordinal);
        Assert.Contains($"The text can be at most {ContentPage.MarkdownMax} characters.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ContentPages.AnyAsync(p => p.Slug == "symptoms" && p.Language == "mr")));
    }

    [Fact]
    public async Task AdminPreview_ShowsSanitisedHtmlAndSavesNothing()
    {
        var admin = app.CreateClient(Roles.Admin);

        var response = await admin.PostFormAsync("/Admin/Content/Edit/medicines/mr",
            Fields("औषधे", "वर्णन", "## Preview heading\n\n<script>alert(1)</script><img src=x onerror=alert(1)>", ""),
            postUrl: "/Admin/Content/Edit/medicines/mr?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("class=\"prose preview\"", StringComparison.Ordinal);
        var preview = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains("<h2 id=\"preview-heading\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Preview heading</h2>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", preview, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ContentPages.AnyAsync(p => p.Slug == "medicines" && p.Language == "mr")));
    }

    [Theory]
    [InlineData(Roles.Doctor, "/Admin/Content")]
    [InlineData(Roles.FrontDesk, "/Admin/Content/Edit/faq/en")]
    [InlineData(Roles.Nurse, "/Admin/Doctors")]
    [InlineData(Roles.Doctor, "/Admin/Doctors/Edit")]
    public async Task AdminPages_NonAdmin_AreDenied(string role, string path)
    {
        var response = await app.CreateClient(role).GetAsync(path);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPages_Admin_Open()
    {
        var admin = app.CreateClient(Roles.Admin);

        foreach (var path in new[] { "/Admin/Content", "/Admin/Content/Edit/home/en", "/Admin/Doctors", "/Admin/Doctors/Edit" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} → {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Seeding_AddsOnlyMissingPages_AndKeepsAdminEdits()
    {
        var original = await app.WithDbAsync(db => db.ContentPages.AsNoTracking().SingleAsync(p => p.Slug == "home" && p.Language == "en"));
        await app.WithDbAsync(async db =>
        {
            var home = await db.ContentPages.SingleAsync(p => p.Slug == "home" && p.Language == "en");
            home.Title = "Edited by an admin";
            db.ContentPages.Remove(await db.ContentPages.SingleAsync(p => p.Slug == "faq" && p.Language == "en"));
            return await db.SaveChangesAsync();
        });

        try
        {
            await app.WithScopeAsync(async sp => { await ContentSeed.EnsurePagesAsync(sp, CancellationToken.None); return 0; });
            await app.WithScopeAsync(async sp => { await ContentSeed.EnsurePagesAsync(sp, CancellationToken.None); return 0; });

            var english = await app.WithDbAsync(db => db.ContentPages.AsNoTracking().Where(p => p.Language == "en").ToListAsync());
            Assert.Equal(PublicPages.Slugs.Order(StringComparer.Ordinal), english.Select(p => p.Slug).Order(StringComparer.Ordinal));
            Assert.Equal("Edited by an admin", english.Single(p => p.Slug == "home").Title);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                (await db.ContentPages.SingleAsync(p => p.Slug == "home" && p.Language == "en")).Title = original.Title;
                return await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task DoctorsPage_ShowsPublishedProfilesAndOpenSitesWithHours()
    {
        var (siteId, siteName) = await CreateSiteAsync();
        var admin = app.CreateClient(Roles.Admin);
        var name = TestData.UniqueWord("Dr Rao");
        var hidden = TestData.UniqueWord("Dr Hidden");

        var saved = await admin.PostFormAsync("/Admin/Doctors/Edit",
        [
            new("Input.Name", name), new("Input.Qualifications", "MBBS, MD, DM (Neurology)"),
            new("Input.BioMarkdown", "Treats **facial spasm**. <img src=x onerror=alert(1)>"), new("Input.LanguagesSpoken", "English, Marathi"),
            new("Input.SortOrder", "1"), new("Input.IsPublished", "true"), new("Input.SiteIds", siteId.ToString()), new("Input.Version", ""),
        ]);
        await admin.PostFormAsync("/Admin/Doctors/Edit", [new("Input.Name", hidden), new("Input.SortOrder", "2"), new("Input.IsPublished", "false"), new("Input.Version", "")]);
        var hours = await admin.PostFormAsync($"/Admin/Doctors/Site/{siteId}",
            [new("Input.OpeningHours", "Mon–Sat 9:00–17:00"), new("Input.Directions", "Opposite the bus depot"), new("Input.Version", "")]);

        Assert.Equal("/Admin/Doctors", Redirects.LocationOf(saved));
        Assert.Equal("/Admin/Doctors", Redirects.LocationOf(hours));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.DoctorProfileCreated)));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.SiteProfileUpdated && e.SubjectId == siteId.ToString())));
        var response = await app.CreateClient().GetAsync("/Clinic/Doctors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("<title>Doctors and sites · ", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("<strong>facial spasm</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        Assert.Contains(siteName, html, StringComparison.Ordinal);
        Assert.Contains("Mon–Sat 9:00–17:00", html, StringComparison.Ordinal);
        Assert.Contains("Opposite the bus depot", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorProfile_EmptyName_IsRefusedWithAMessage()
    {
        var response = await app.CreateClient(Roles.Admin).PostFormAsync("/Admin/Doctors/Edit",
            [new("Input.Name", ""), new("Input.SortOrder", "0"), new("Input.Version", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the doctor&#x27;s name.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Fields(string title, string description, string markdown, string version) =>
    [
        new("Input.Title", title), new("Input.MetaDescription", description), new("Input.Markdown", markdown), new("Input.Version", version),
    ];

    private async Task<(Guid Id, string Name)> CreateSiteAsync() => await app.WithDbAsync(async db =>
    {
        var site = new Site { Name = TestData.UniqueWord("Clinic"), City = "Pune", Address = "1 Test Road", PinCode = "411001", Phone = "+91 20 5550 0000" };
        db.Sites.Add(site);
        await db.SaveChangesAsync();
        return (site.Id, site.Name);
    });
}

public static class PublicSiteData
{
    public static TheoryData<string> Slugs() => new(PublicPages.Slugs);
}

public sealed class PublicSiteTestsOnSqlite(SqliteAppFactory app) : PublicSiteTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class PublicSiteTestsOnPostgres(PostgresAppFactory app) : PublicSiteTests<PostgresAppFactory>(app);
