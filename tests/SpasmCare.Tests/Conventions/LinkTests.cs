using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Conventions;

/// <summary>No broken links: every page reachable from the home page, for each role, answers without error.</summary>
public sealed partial class LinkTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Doctor)]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    public async Task Crawl_FromHome_FindsNoBrokenLinks(string role)
    {
        var (api, _, _) = await app.CreateApiClientAsync();
        var family = TestData.UniqueWord("Linkcheck");
        (await api.PostAsJsonAsync("/api/v1/patients?confirmedNotDuplicate=true", TestData.Patient(family: family))).EnsureSuccessStatusCode();
        var client = app.CreateClient(role);

        var (visited, broken) = await CrawlAsync(client, ["/", "/Patients?q=" + family], maxPages: 150);

        Assert.Contains(visited, v => v.StartsWith("/Patients/Details/", StringComparison.Ordinal));
        Assert.Contains(visited, v => v.StartsWith("/Patients/Edit/", StringComparison.Ordinal));
        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    private static async Task<(List<string> Visited, List<string> Broken)> CrawlAsync(HttpClient client, string[] starts, int maxPages)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var visited = new List<string>();
        var broken = new List<string>();
        while (queue.Count > 0 && visited.Count < maxPages)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            visited.Add(url);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found))
            {
                broken.Add($"{url} → {(int)response.StatusCode}");
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            foreach (var href in HrefRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        return (visited, broken);
    }

    [GeneratedRegex("href=\"([^\"#]+)\"")]
    private static partial Regex HrefRegex();
}
