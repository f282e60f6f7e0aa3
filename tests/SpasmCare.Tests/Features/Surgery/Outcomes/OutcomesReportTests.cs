using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Security;
using static SpasmCare.Tests.Infrastructure.MvdOutcomeTestData;

namespace SpasmCare.Tests.Features.Surgery.Outcomes;

/// <summary>
/// The outcome report over a fixture of six cases at a hospital of their own, on 24 November 2026 (the fake clock),
/// with the default settings (target stay 2 days, failure window 12 months). The expected figures, by hand:
/// <code>
/// case  operated    1 week     3 months   12 months  other                          stay (days)  state today
/// A     2025-06-02  gone       gone       gone       facial palsy transient         2            cured immediately
/// B     2025-07-01  ~half      gone       gone       hearing loss permanent, CSF    4            cured, delayed (day 92)
///                                                    leak transient
/// C     2025-08-01  unchanged  unchanged  ~half                                     2            failed (window ended 2026-08-01)
/// D     2025-09-01  gone       gone       ≥90 %      recurred 2026-05-01, redo      2            recurred
///                                                    referred
/// E     2026-10-01  ≥90 %      —          —          facial palsy ongoing           —            not yet cured
/// F     2026-11-10  —          —          —          other surgeon                  3            no follow-up
/// </code>
/// Complete resolution: 1 week 2/5 (A, D of A–E) = 40 %, exact 95 % 5.3–85.3 %; 3 months 3/4 = 75 % (19.4–99.4 %);
/// 1 year 2/4 = 50 % (6.8–93.2 %). Delayed cures: B of the cured seen by day 14 (A, B, D) = 1/3.
/// Facial palsy any 2/6, transient 1/6 (0.4–64.1 %), permanent 0/6 (0.0–45.9 %); hearing loss permanent 1/6; CSF leak 1/6.
/// Stays 2, 2, 2, 3, 4: median 2, within the 2-day target 3/5 = 60 % (14.7–94.7 %). Recurrence 1/6, redo 1/6.
/// Kaplan–Meier (event = recurrence or failure): F censored day 0, E censored day 7, D event day 242 (4 at risk →
/// S = 0.75), then day 365: C's failure at its last follow-up with A and B censored (3 at risk → S = 0.75 × 2/3 = 0.5).
/// </summary>
public abstract class OutcomesReportTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    private sealed record Fixture(Guid SiteId, string OtherSurgeon, IReadOnlyList<string> PatientNames);

    private async Task<Fixture> FixtureAsync()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var site = await HospitalAsync(app);
        var otherSurgeon = TestData.UniqueWord("Dr Other ");
        var names = new List<string>();

        async Task<(Guid Patient, Guid Case)> Case(string operatedOn, (string, string)? stay, string surgeon = Surgeon)
        {
            var input = TestData.Patient();
            names.Add(input.GivenName);
            var patientId = await doctor.RegisterAsync(input);
            var caseId = await OperatedCaseAsync(app, patientId, site, Date(operatedOn), surgeon,
                stay is { } s ? (Local(s.Item1), Local(s.Item2)) : null);
            return (patientId, caseId);
        }

        var a = await Case("2025-06-02", ("2025-06-01T18:00", "2025-06-03T10:00"));
        await FollowUpAsync(app, a.Patient, a.Case, "1 week", Date("2025-06-09"), SpasmStatus.Gone);
        await FollowUpAsync(app, a.Patient, a.Case, "3 months", Date("2025-09-02"), SpasmStatus.Gone);
        await FollowUpAsync(app, a.Patient, a.Case, "12 months", Date("2026-06-02"), SpasmStatus.Gone);
        await ComplicationAsync(app, a.Patient, a.Case, MvdComplicationKind.FacialPalsy, ComplicationCourse.Transient, Date("2025-06-03"));

        var b = await Case("2025-07-01", ("2025-06-30T18:00", "2025-07-04T10:00"));
        await FollowUpAsync(app, b.Patient, b.Case, "1 week", Date("2025-07-08"), SpasmStatus.AboutHalf);
        await FollowUpAsync(app, b.Patient, b.Case, "3 months", Date("2025-10-01"), SpasmStatus.Gone);
        await FollowUpAsync(app, b.Patient, b.Case, "12 months", Date("2026-07-01"), SpasmStatus.Gone);
        await ComplicationAsync(app, b.Patient, b.Case, MvdComplicationKind.HearingLoss, ComplicationCourse.Permanent, Date("2025-07-02"));
        await ComplicationAsync(app, b.Patient, b.Case, MvdComplicationKind.CsfLeak, ComplicationCourse.Transient, Date("2025-07-05"));

        var c = await Case("2025-08-01", ("2025-07-31T18:00", "2025-08-02T11:00"));
        await FollowUpAsync(app, c.Patient, c.Case, "1 week", Date("2025-08-08"), SpasmStatus.Unchanged);
        await FollowUpAsync(app, c.Patient, c.Case, "3 months", Date("2025-11-01"), SpasmStatus.Unchanged);
        await FollowUpAsync(app, c.Patient, c.Case, "12 months", Date("2026-08-01"), SpasmStatus.AboutHalf);

        var d = await Case("2025-09-01", ("2025-08-31T18:00", "2025-09-02T10:00"));
        await FollowUpAsync(app, d.Patient, d.Case, "1 week", Date("2025-09-08"), SpasmStatus.Gone);
        await FollowUpAsync(app, d.Patient, d.Case, "3 months", Date("2025-12-01"), SpasmStatus.Gone);
        await FollowUpAsync(app, d.Patient, d.Case, "12 months", Date("2026-09-01"), SpasmStatus.NinetyPercentBetter);
        await UpdateCaseAsync(app, d.Case, x => x.RecurredOn = Date("2026-05-01"));
        await ReferredCaseAsync(app, d.Patient, redoOf: d.Case);

        var e = await Case("2026-10-01", null);
        await FollowUpAsync(app, e.Patient, e.Case, "1 week", Date("2026-10-08"), SpasmStatus.NinetyPercentBetter);
        await ComplicationAsync(app, e.Patient, e.Case, MvdComplicationKind.FacialPalsy, ComplicationCourse.Ongoing, Date("2026-10-02"));

        await Case("2026-11-10", ("2026-11-09T18:00", "2026-11-12T10:00"), otherSurgeon);
        return new Fixture(site, otherSurgeon, names);
    }

    [Fact]
    public async Task Report_SixCases_ShowsTheFiguresWorkedByHand()
    {
        var f = await FixtureAsync();
        var client = app.CreateClient(Roles.Doctor);

        var response = await client.GetAsync($"/Surgery/Outcomes?site={f.SiteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = PageHtml.TextOf(html);
        Assert.Contains("6 operated cases", text, StringComparison.Ordinal);
        var rows = PageHtml.TableRows(html);
        AssertRow(rows, "Complete resolution at 1 week", "2 / 5", "40.0 %", "5.3 % – 85.3 %", "71.8 %");
        AssertRow(rows, "Complete resolution at 3 months", "3 / 4", "75.0 %", "19.4 % – 99.4 %", "—");
        AssertRow(rows, "Complete resolution at 1 year", "2 / 4", "50.0 %", "6.8 % – 93.2 %", "91.1 %");
        AssertRow(rows, "Delayed cures", "1 / 3", "33.3 %", null, "25.4 %");
        AssertRow(rows, "Cured immediately", "1");
        AssertRow(rows, "Cured after a delay", "1");
        AssertRow(rows, "Not yet cured, within the window", "1");
        AssertRow(rows, "Failed", "1");
        AssertRow(rows, "Recurred after a cure", "1");
        AssertRow(rows, "No follow-up yet", "1");
        AssertRow(rows, "Facial palsy (any)", "2 / 6", "33.3 %");
        AssertRow(rows, "Facial palsy, transient", "1 / 6", "16.7 %", "0.4 % – 64.1 %", "9.5 %");
        AssertRow(rows, "Facial palsy, permanent", "0 / 6", "0.0 %", "0.0 % – 45.9 %", "0.9 %");
        AssertRow(rows, "Facial palsy, not yet settled", "1 / 6");
        AssertRow(rows, "Hearing loss, permanent", "1 / 6", "16.7 %", null, "2.3 %");
        AssertRow(rows, "CSF leak, transient", "1 / 6", "16.7 %", null, "1.4 %");
        AssertRow(rows, "Stroke (any)", "0 / 6", "0.0 %", null, "<0.1 %");
        Assert.DoesNotContain(rows, r => r[0] == "Stroke, transient"); // no case, no published figure
        Assert.Contains("Only 6 cases: the 95 % intervals are wide", text, StringComparison.Ordinal);
        AssertRow(rows, "Stays within the target of 2 days", "3 / 5", "60.0 %", "14.7 % – 94.7 %");
        AssertRow(rows, "2 days", "3");
        AssertRow(rows, "3 days", "1");
        AssertRow(rows, "4 days", "1");
        AssertRow(rows, "Recurrences", "1 / 6", "16.7 %", null, "2.4 %");
        AssertRow(rows, "Redo operations referred", "1 / 6", "16.7 %", null, "1.2 %");
        Assert.Contains("Median 2 days over 5 stays", text, StringComparison.Ordinal);
        Assert.Contains("Only 5 cases: the 95 % interval is wide", text, StringComparison.Ordinal);
        Assert.Contains("exact (Clopper–Pearson)", text, StringComparison.Ordinal);
        // Kaplan–Meier table: day, at risk, events, censored, survival.
        AssertRow(rows, "0", "6", "0", "1", "100.0 %");
        AssertRow(rows, "7", "5", "0", "1", "100.0 %");
        AssertRow(rows, "242", "4", "1", "0", "75.0 %");
        AssertRow(rows, "365", "3", "1", "2", "50.0 %");
        Assert.Contains("At one year: 50.0 % spasm-free (2 events among 6 cases)", text, StringComparison.Ordinal);
        Assert.All(f.PatientNames, name => Assert.DoesNotContain(name, html, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Report_PeriodAndSurgeonFilters_NarrowTheCases()
    {
        var f = await FixtureAsync();
        var client = app.CreateClient(Roles.Doctor);

        var period = PageHtml.TextOf(await (await client.GetAsync($"/Surgery/Outcomes?site={f.SiteId}&from=2025-07-01&to=2025-09-01")).HtmlAsync());
        var surgeon = PageHtml.TextOf(await (await client.GetAsync($"/Surgery/Outcomes?site={f.SiteId}&surgeon={Uri.EscapeDataString(Surgeon)}")).HtmlAsync());
        var other = PageHtml.TextOf(await (await client.GetAsync($"/Surgery/Outcomes?site={f.SiteId}&surgeon={Uri.EscapeDataString(f.OtherSurgeon)}")).HtmlAsync());

        Assert.Contains("3 operated cases from 1 Jul 2025 to 1 Sep 2025", period, StringComparison.Ordinal);
        Assert.Contains("5 operated cases", surgeon, StringComparison.Ordinal);
        Assert.Contains("1 operated case", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ViewingIsAuditedWithTheFilters()
    {
        var f = await FixtureAsync();

        (await app.CreateClient(Roles.Doctor).GetAsync($"/Surgery/Outcomes?site={f.SiteId}")).EnsureSuccessStatusCode();

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.MvdOutcomesViewed && e.Detail!.Contains(f.SiteId.ToString())));
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
        Assert.Null(audit.PatientId);
        Assert.Contains("6 cases", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_ExportsTheFiguresWithoutNamesAndIsAudited()
    {
        var f = await FixtureAsync();

        var response = await app.CreateClient(Roles.Doctor).GetAsync($"/Surgery/Outcomes?handler=Csv&site={f.SiteId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal("section,figure,count,of,percent,ci_low,ci_high,ci_method,published,published_source,note", lines[0].TrimStart('\uFEFF'));
        Assert.Contains("cases,Operated cases,6,,,,,,,,", lines);
        Assert.Contains(lines, l => l.StartsWith("resolution,Complete resolution at 1 week,2,5,40.0,5.3,85.3,exact (Clopper–Pearson),71.8 %,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("complications,Hearing loss (permanent),1,6,16.7,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("stay,Median length of stay (days),2,5,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("survival,\"day 365: 3 at risk, 1 events, 2 censored\",1,3,50.0,", StringComparison.Ordinal));
        Assert.All(f.PatientNames, name => Assert.DoesNotContain(name, csv, StringComparison.OrdinalIgnoreCase));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.MvdOutcomesExported && e.Outcome == AuditOutcome.Succeeded
            && e.Detail!.Contains(f.SiteId.ToString()))));
    }

    [Fact]
    public async Task Report_PeriodEndingBeforeItStarts_SaysTheFiltersWereNotUsed()
    {
        var html = await (await app.CreateClient(Roles.Doctor).GetAsync("/Surgery/Outcomes?from=2026-02-01&to=2026-01-01")).HtmlAsync();

        Assert.Contains("The start of the period is after its end.", html, StringComparison.Ordinal);
        Assert.Contains("The filters above could not be used", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_BadFilter_IsABadRequest()
    {
        var response = await app.CreateClient(Roles.Doctor).GetAsync("/Surgery/Outcomes?handler=Csv&from=2026-02-01&to=2026-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task Report_NotADoctor_IsDenied(string role)
    {
        var client = app.CreateClient(role);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await client.GetAsync("/Surgery/Outcomes")), StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(await client.GetAsync("/Surgery/Outcomes?handler=Csv")), StringComparison.Ordinal);
    }

    private static void AssertRow(List<string[]> rows, string first, params string?[] cells)
    {
        var row = rows.FirstOrDefault(r => r.Length > 0 && r[0] == first);
        Assert.True(row is not null, $"No row '{first}'. Rows: {string.Join(" | ", rows.Select(r => string.Join(";", r)))}");
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } expected)
            {
                Assert.True(row.Length > i + 1 && row[i + 1].StartsWith(expected, StringComparison.Ordinal),
                    $"Row '{first}' cell {i + 1}: expected '{expected}', got '{(row.Length > i + 1 ? row[i + 1] : "(none)")}'.");
            }
        }
    }
}

public sealed class OutcomesReportTestsOnSqlite(SqliteAppFactory app) : OutcomesReportTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class OutcomesReportTestsOnPostgres(PostgresAppFactory app) : OutcomesReportTests<PostgresAppFactory>(app);
