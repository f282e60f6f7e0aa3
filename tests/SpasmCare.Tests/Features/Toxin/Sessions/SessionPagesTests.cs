using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Examination;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Sessions;

public abstract class SessionPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task New_Get_OffersTheUsableVialsGroupedMusclesAndABlankRow()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync(SessionForms.NewUrl(patientId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Lot " + setup.Lot + " · 2.5 U/0.1 mL · 100 U left", html, StringComparison.Ordinal);
        Assert.Contains("Masseter (trigeminal)", html, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Facial nerve (VII)\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Points[0].Muscle\"", html, StringComparison.Ordinal);
        Assert.Contains("Add a point", html, StringComparison.Ordinal);
        Assert.Contains("id=\"toxin-point-template\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/toxin-map.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Copy forward", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_Get_DefaultsToASiteWithAVialNotAHospitalThatSortsFirst()
    {
        var hospitalId = await app.AddSiteAsync(TestData.UniqueWord("0 Hospital "));
        await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var html = await (await client.GetAsync(SessionForms.NewUrl(patientId))).HtmlAsync();

        var selected = System.Text.RegularExpressions.Regex.Match(html,
            "<select[^>]*name=\"Input.SiteId\"[^>]*>(?:(?!</select>).)*?<option value=\"([^\"]+)\" selected=\"selected\"",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(selected.Success, "no site is chosen by default");
        var siteId = Guid.Parse(selected.Groups[1].Value);
        Assert.NotEqual(hospitalId, siteId);
        Assert.True(await app.WithDbAsync(db => db.ToxinVials.AnyAsync(v => v.SiteId == siteId && v.Status == VialStatus.Reconstituted)));
    }

    [Fact]
    public async Task New_ValidPoints_SavesTheSessionDrawsFromTheVialAndCreatesFollowUps()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId),
            SessionForms.Fields(setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId), note: "Routine cycle"));

        var id = SessionForms.SessionIdOf(patientId, response);
        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal(8m, session.TotalUnits);
        Assert.Equal(AffectedSide.Left, session.SpasmSide);
        Assert.Equal(setup.SiteId, session.SiteId);
        Assert.Equal(new DateTime(2026, 11, 24, 4, 0, 0, DateTimeKind.Utc), session.InjectedAtUtc);
        Assert.Equal("Routine cycle", session.Note);
        Assert.Equal("Test Doctor", session.ClinicianName);
        Assert.Null(session.OverriddenWarnings);

        var points = await app.WithDbAsync(db => db.InjectionPoints.Where(p => p.SessionId == id).OrderBy(p => p.Order).ToListAsync());
        Assert.Equal(["oo-upper-pretarsal-lateral", "oo-lower-pretarsal-lateral", "zygomaticus-major", "zygomaticus-major"], points.Select(p => p.Muscle));
        Assert.Equal(0.1m, points[0].VolumeMl);
        Assert.Equal(0.08m, points[2].VolumeMl);
        Assert.Equal(0.69, points[0].MapX, 3);
        Assert.Equal(1 - 0.31, points[1].MapX, 3);
        Assert.Equal(0.29, points[3].MapX, 3);
        Assert.Equal(SpasmCare.Clinical.Toxin.InjectionTechnique.Pretarsal, points[1].Technique);
        Assert.Equal(SpasmCare.Clinical.Toxin.InjectionTechnique.Intramuscular, points[2].Technique);

        var vial = await app.WithDbAsync(db => db.ToxinVials.SingleAsync(v => v.Id == setup.VialId));
        Assert.Equal(8m, vial.UnitsDrawn);
        var entries = await app.WithDbAsync(db => db.ToxinVialEntries.Where(e => e.SessionId == id).ToListAsync());
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal(patientId, e.PatientId));
        Assert.Equal(8m, entries.Sum(e => e.Units));

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == id).OrderBy(t => t.DueFrom).ToListAsync());
        Assert.Equal(2, tasks.Count);
        Assert.Equal((FollowUpKind.ToxinOnsetCheck, "Onset check", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 29)),
            (tasks[0].Kind, tasks[0].Milestone, tasks[0].DueFrom, tasks[0].DueBy));
        Assert.Equal((FollowUpKind.ToxinPeakReview, "Peak review", new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 22)),
            (tasks[1].Kind, tasks[1].Milestone, tasks[1].DueFrom, tasks[1].DueBy));
        Assert.All(tasks, t => Assert.Equal((patientId, setup.SiteId, FollowUpStatus.Open), (t.PatientId, t.SiteId, t.Status)));

        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.InjectionSessionRecorded));
        Assert.Equal((AuditOutcome.Succeeded, id.ToString()), (audit.Outcome, audit.SubjectId));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == patientId && e.Action == AuditAction.DoseWarningOverridden)));
    }

    [Fact]
    public async Task New_ProductWithAReferenceRatio_KeepsItsOwnUnitsAndShowsTheEquivalentAsAHint()
    {
        var siteId = await app.AddSiteAsync();
        var productId = await app.AddChartProductAsync(2.5m, 3m, ToxinSubstance.AbobotulinumtoxinA);
        var vialId = await app.AddChartVialAsync(productId, siteId, units: 300m, salineMl: 2.5m);
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        PointRow[] points =
        [
            new("oo-orbital-lateral-canthus", "Left", "7.5", vialId), new("oo-upper-pretarsal-lateral", "Left", "7.5", vialId),
            new("oo-lower-pretarsal-lateral", "Left", "7.5", vialId), new("zygomaticus-major", "Left", "7.5", vialId),
        ];

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), SessionForms.Fields(siteId, productId, points));

        var id = SessionForms.SessionIdOf(patientId, response);
        Assert.Equal(30m, await app.WithDbAsync(db => db.InjectionSessions.Where(s => s.Id == id).Select(s => s.TotalUnits).SingleAsync()));
        Assert.Equal(30m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.UnitsDrawn).SingleAsync()));
        var html = await (await client.GetAsync(SessionForms.Url(patientId, id))).HtmlAsync();
        Assert.Contains("Reference only, not a conversion: ≈ 10–12 onabotulinumtoxinA units at 1:2.5–3", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Session", "4", "30 U"]));
    }

    [Fact]
    public async Task Details_ShowsTotalsPerSideLotsAndTheMapAndAuditsTheRead()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Nurse);

        var response = await client.GetAsync(SessionForms.Url(patientId, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        var rows = PageHtml.TableRows(html);
        Assert.Contains(rows, r => r.SequenceEqual(["Right (balancing)", "1", "1 U"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Left", "3", "7 U"]));
        Assert.Contains(rows, r => r.SequenceEqual(["Session", "4", "8 U"]));
        Assert.Contains(rows, r => r.Length == 8 && r[1] == "Zygomaticus major" && r[2] == "Right (balancing)" && r[6] == setup.Lot);
        Assert.Contains("data-toxin-map=\"static\"", html, StringComparison.Ordinal);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "class=\"toxin-marker[ \"]"));
        Assert.DoesNotContain("Correct the session", html, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.InjectionSessionRead && e.SubjectId == id.ToString() && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task New_AddAPointWithoutJavaScript_AddsARowKeepsWhatWasTypedAndSavesNothing()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("corrugator", "Left", "2.5", setup.VialId)], note: "Kept note");
        fields.Add(new("Command", "add"));

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("name=\"Input.Points[1].Muscle\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"corrugator\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept note", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Please correct the following", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.InjectionSessions.AnyAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task New_RemoveARowWithoutJavaScript_DropsThatRow()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId,
            [new("corrugator", "Left", "2.5", setup.VialId), new("mentalis", "Left", "1.25", setup.VialId)]);
        fields.Add(new("Command", "remove-0"));

        var html = await (await client.PostFormAsync(SessionForms.NewUrl(patientId), fields)).HtmlAsync();

        Assert.Contains("<option value=\"mentalis\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"corrugator\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Points[1].Muscle\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_CopyForward_PrefillsThePreviousPointsButNotTheirVials()
    {
        var (patientId, _, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, [], date: "2027-02-24");
        fields.Add(new("Command", "copy"));

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), fields);

        var html = await response.HtmlAsync();
        Assert.Contains("Copied 4 points from the session of 24 Nov 2026, 09:30", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Points[3].Muscle\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"oo-lower-pretarsal-lateral\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.Equal("0.69", PageHtml.ValueOf(html, "Input.Points[0].MapX"));
        Assert.DoesNotContain($"<option value=\"{setup.VialId}\" selected=\"selected\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.InjectionSessions.CountAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task New_DoseWarning_IsShownWithItsReasonAndTheSaveRefusedUntilReadAndExplained()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("zygomaticus-major", "Left", "7.5", setup.VialId)]);

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Dose-rule warnings", html, StringComparison.Ordinal);
        Assert.Contains("exceeds the 5 U per-site maximum", html, StringComparison.Ordinal);
        Assert.Contains("DOMAIN §3.2", html, StringComparison.Ordinal);
        Assert.Contains("I have read these warnings", html, StringComparison.Ordinal);
        Assert.Equal(["per-site-max"], SessionForms.AcknowledgedCodes(html));
        await AssertNothingSavedAsync(patientId, setup.VialId);
        var refused = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.InjectionSessionRecorded));
        Assert.Equal(AuditOutcome.Failed, refused.Outcome);

        // Ticked but no reason: still refused, beside the reason field.
        fields.Add(new("Input.AcknowledgedWarnings", "per-site-max"));
        fields.Add(new("Input.WarningsRead", "true"));
        var noReason = await (await client.PostFormAsync(SessionForms.NewUrl(patientId), fields)).HtmlAsync();
        Assert.Contains("Write why you are going past the warnings", noReason, StringComparison.Ordinal);
        await AssertNothingSavedAsync(patientId, setup.VialId);
    }

    [Fact]
    public async Task New_ReasonWithoutHavingSeenTheWarning_IsRefused()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("oo-lower-medial", "Left", "2.5", setup.VialId)]);
        fields.Add(new("Input.AcknowledgedWarnings", "per-site-max"));
        fields.Add(new("Input.WarningsRead", "true"));
        fields.Add(new("Input.OverrideReason", "I know what I am doing"));

        var html = await (await client.PostFormAsync(SessionForms.NewUrl(patientId), fields)).HtmlAsync();

        Assert.Contains("The dose rules raised warnings", html, StringComparison.Ordinal);
        Assert.Equal(["medial-lower-lid"], SessionForms.AcknowledgedCodes(html));
        await AssertNothingSavedAsync(patientId, setup.VialId);
    }

    [Fact]
    public async Task New_SavedPastAWarningWithAReason_KeepsTheCodesAndReasonAndAuditsTheOverride()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId,
            [new("zygomaticus-major", "Left", "7.5", setup.VialId), new("masseter", "Left", "10", setup.VialId)]);
        var first = await (await client.PostFormAsync(SessionForms.NewUrl(patientId), fields)).HtmlAsync();
        var codes = SessionForms.AcknowledgedCodes(first);
        Assert.Equal(["per-site-max", "trigeminal-in-hfs"], codes);
        fields.AddRange(codes.Select(c => new KeyValuePair<string, string>("Input.AcknowledgedWarnings", c)));
        fields.Add(new("Input.WarningsRead", "true"));
        fields.Add(new("Input.OverrideReason", "Tolerated 7.5 U here for two years; masseter for coexisting bruxism."));

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), fields);

        var id = SessionForms.SessionIdOf(patientId, response);
        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal("per-site-max,trigeminal-in-hfs", session.OverriddenWarnings);
        Assert.Equal("Tolerated 7.5 U here for two years; masseter for coexisting bruxism.", session.OverrideReason);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.DoseWarningOverridden));
        Assert.Equal(("per-site-max,trigeminal-in-hfs", id.ToString(), AuditOutcome.Succeeded), (audit.Detail, audit.SubjectId, audit.Outcome));
        Assert.Equal(17.5m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));

        var print = await (await client.GetAsync(SessionForms.Url(patientId, id, "Print"))).HtmlAsync();
        Assert.Contains("Dose warnings saved past", print, StringComparison.Ordinal);
        Assert.Contains("Tolerated 7.5 U here for two years", print, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-muscle", "Point 1: choose a muscle from the list.")]
    [InlineData("zero-units", "Point 1: the units must be more than 0 and at most 100.")]
    [InlineData("negative-units", "Point 1: the units must be more than 0 and at most 100.")]
    [InlineData("no-vial", "Point 1: choose the vial the units were drawn from.")]
    [InlineData("other-site", "not at ")]
    [InlineData("other-product", "every point of a session is of the session's product")]
    [InlineData("expired", "expired on 20 Nov 2026, before the session")]
    [InlineData("not-reconstituted", "has not been reconstituted")]
    [InlineData("too-many-units", "cannot be drawn from it")]
    [InlineData("no-points", "Add at least one injection point.")]
    [InlineData("future", "The session cannot be in the future.")]
    public async Task New_BadInput_ShowsTheErrorBesideThePointAndChangesNothing(string problem, string message)
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var point = new PointRow("corrugator", "Left", "2.5", setup.VialId);
        var date = "2026-11-24";
        PointRow[] points = problem switch
        {
            "unknown-muscle" => [point with { Muscle = "nose-hair" }],
            "zero-units" => [point with { Units = "0" }],
            "negative-units" => [point with { Units = "-1" }],
            "no-vial" => [point with { VialId = Guid.Empty }],
            "other-site" => [point with { VialId = await app.AddChartVialAsync(setup.ProductId, await app.AddSiteAsync()) }],
            "other-product" => [point with { VialId = await app.AddChartVialAsync(await app.AddChartProductAsync(), setup.SiteId) }],
            "expired" => [point with { VialId = await app.AddChartVialAsync(setup.ProductId, setup.SiteId, expiry: new DateOnly(2026, 11, 20)) }],
            "not-reconstituted" => [point with { VialId = await app.AddChartVialAsync(setup.ProductId, setup.SiteId, reconstituted: false) }],
            "too-many-units" => [point with { VialId = await app.AddChartVialAsync(setup.ProductId, setup.SiteId, units: 2m) }],
            "no-points" => [],
            "future" => [point],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        if (problem == "future")
        {
            date = "2026-11-25";
        }

        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, points, date: date, note: "Keep me");
        var vialIds = points.Select(p => p.VialId).Append(setup.VialId).Where(v => v != Guid.Empty).ToList();
        var drawnBefore = await app.WithDbAsync(db => db.ToxinVials.Where(v => vialIds.Contains(v.Id)).Select(v => v.UnitsDrawn).ToListAsync());

        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Keep me", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.InjectionSessions.AnyAsync(s => s.PatientId == patientId)));
        Assert.False(await app.WithDbAsync(db => db.ToxinVialEntries.AnyAsync(e => e.PatientId == patientId)));
        Assert.False(await app.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.PatientId == patientId)));
        Assert.Equal(drawnBefore, await app.WithDbAsync(db => db.ToxinVials.Where(v => vialIds.Contains(v.Id)).Select(v => v.UnitsDrawn).ToListAsync()));
    }

    [Fact]
    public async Task Edit_ChangedPoints_DrawOrReturnTheDifferencePerVial()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var second = await app.AddChartVialAsync(setup.ProductId, setup.SiteId);
        var url = SessionForms.Url(patientId, id, "Edit");

        // 8 U from the first vial become 2.5 U from it and 2 U from a second one.
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId,
            [new("oo-upper-pretarsal-lateral", "Left", "2.5", setup.VialId), new("mentalis", "Left", "2", second)]);
        fields.Add(new("Input.Version", PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version")));
        var response = await client.PostFormAsync(url, fields);

        Assert.Equal(SessionForms.Url(patientId, id), Redirects.LocationOf(response));
        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal(4.5m, session.TotalUnits);
        Assert.Equal(2, await app.WithDbAsync(db => db.InjectionPoints.CountAsync(p => p.SessionId == id)));
        Assert.Equal(2.5m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
        Assert.Equal(2m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == second).Select(v => v.UnitsDrawn).SingleAsync()));
        var entries = await app.WithDbAsync(db => db.ToxinVialEntries.Where(e => e.SessionId == id).ToListAsync());
        Assert.Contains(entries, e => e.VialId == setup.VialId && e.Units == -5.5m && e.Reason == "Session corrected");
        Assert.Contains(entries, e => e.VialId == second && e.Units == 2m);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.InjectionSessionUpdated && e.Outcome == AuditOutcome.Succeeded)));
    }

    [Fact]
    public async Task Edit_NewDate_MovesTheOpenFollowUps()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var url = SessionForms.Url(patientId, id, "Edit");
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId), date: "2026-11-22");
        fields.Add(new("Input.Version", PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version")));

        (await client.PostFormAsync(url, fields)).EnsureRedirect();

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == id).OrderBy(t => t.DueFrom).ToListAsync());
        Assert.Equal(new DateOnly(2026, 11, 25), tasks[0].DueFrom);
        Assert.Equal(new DateOnly(2026, 12, 20), tasks[1].DueBy);
        Assert.Equal(8m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
    }

    [Fact]
    public async Task Edit_StaleVersion_SaysSomeoneElseChangedItAndOverwritesNothing()
    {
        var (patientId, id, setup) = await RecordAsync();
        var url = SessionForms.Url(patientId, id, "Edit");
        var client = app.CreateClient(Roles.Doctor);
        var opened = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");
        var theirs = SessionForms.Fields(setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId), note: "Their note");
        theirs.Add(new("Input.Version", opened));
        (await app.CreateClient(Roles.Doctor).PostFormAsync(url, theirs)).EnsureRedirect();
        var mine = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("corrugator", "Left", "2.5", setup.VialId)], note: "My note");
        mine.Add(new("Input.Version", opened));

        var response = await client.PostFormAsync(url, mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved:", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Note", "Their note", "My note"]));
        Assert.Contains("My note", html, StringComparison.Ordinal);
        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal(("Their note", 8m), (session.Note, session.TotalUnits));
        Assert.Equal(8m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
        Assert.NotEqual(opened, PageHtml.ValueOf(await response.Content.ReadAsStringAsync(), "Input.Version"));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.InjectionSessionUpdated && e.Outcome == AuditOutcome.Failed && e.StatusCode == 409)));
    }

    [Fact]
    public async Task Edit_SessionWithAnOverride_KeepsItWhenTheSameWarningsStillApply()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("zygomaticus-major", "Left", "7.5", setup.VialId)]);
        fields.Add(new("Input.AcknowledgedWarnings", "per-site-max"));
        fields.Add(new("Input.WarningsRead", "true"));
        fields.Add(new("Input.OverrideReason", "Needed for severe lower-face spasm."));
        var id = SessionForms.SessionIdOf(patientId, await client.PostFormAsync(SessionForms.NewUrl(patientId), fields));
        var url = SessionForms.Url(patientId, id, "Edit");
        var page = await client.GetStringAsync(url);
        Assert.Equal(["per-site-max"], SessionForms.AcknowledgedCodes(page));
        Assert.Contains("Needed for severe lower-face spasm.", page, StringComparison.Ordinal);
        var edit = SessionForms.Fields(setup.SiteId, setup.ProductId, [new("zygomaticus-major", "Left", "7.5", setup.VialId)], note: "Corrected note");
        edit.Add(new("Input.Version", PageHtml.ValueOf(page, "Input.Version")));
        edit.Add(new("Input.AcknowledgedWarnings", "per-site-max"));
        edit.Add(new("Input.WarningsRead", "true"));
        edit.Add(new("Input.OverrideReason", "Needed for severe lower-face spasm."));

        (await client.PostFormAsync(url, edit)).EnsureRedirect();

        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal(("Corrected note", "per-site-max"), (session.Note, session.OverriddenWarnings));
    }

    [Fact]
    public async Task EnteredInError_ReturnsEveryUnitCancelsTheFollowUpsAndStopsEdits()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var url = SessionForms.Url(patientId, id, "EnteredInError");
        var version = PageHtml.ValueOf(await client.GetStringAsync(url), "Input.Version");

        var response = await client.PostFormAsync(url, [new("Input.Reason", "Charted for the wrong patient"), new("Input.Version", version)]);

        Assert.Equal(SessionForms.Url(patientId, id), Redirects.LocationOf(response));
        var session = await app.WithDbAsync(db => db.InjectionSessions.SingleAsync(s => s.Id == id));
        Assert.Equal((true, "Charted for the wrong patient"), (session.EnteredInError, session.EnteredInErrorReason));
        Assert.Equal(0m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
        var entries = await app.WithDbAsync(db => db.ToxinVialEntries.Where(e => e.SessionId == id).ToListAsync());
        Assert.Equal(0m, entries.Sum(e => e.Units));
        Assert.Contains(entries, e => e.Units == -8m);
        Assert.All(await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == id).ToListAsync()),
            t => Assert.Equal(FollowUpStatus.Cancelled, t.Status));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.InjectionSessionEnteredInError && e.Outcome == AuditOutcome.Succeeded)));
        var edit = await (await client.GetAsync(SessionForms.Url(patientId, id, "Edit"))).HtmlAsync();
        Assert.Contains("can no longer be changed", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("Save changes", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnteredInError_WithoutReasonOrOnAStaleVersion_ChangesNothing()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var url = SessionForms.Url(patientId, id, "EnteredInError");

        var blank = await client.PostFormAsync(url, [new("Input.Reason", ""), new("Input.Version", Guid.NewGuid().ToString())]);
        var stale = await client.PostFormAsync(url, [new("Input.Reason", "Duplicate"), new("Input.Version", Guid.NewGuid().ToString())]);

        Assert.Contains("Give the reason", await blank.HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("Someone else changed this session", await stale.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.InjectionSessions.Where(s => s.Id == id).Select(s => s.EnteredInError).SingleAsync()));
        Assert.Equal(8m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == setup.VialId).Select(v => v.UnitsDrawn).SingleAsync()));
    }

    [Fact]
    public async Task Print_ShowsTheRecordWithLotsAndTotalsAndAuditsThePrint()
    {
        var (patientId, id, setup) = await RecordAsync();
        var client = app.CreateClient(Roles.Nurse);

        var response = await client.GetAsync(SessionForms.Url(patientId, id, "Print"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Botulinum toxin injection record", html, StringComparison.Ordinal);
        Assert.Contains(setup.Lot, html, StringComparison.Ordinal);
        Assert.Contains("Test Doctor", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Session", "4", "8 U"]));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == patientId && e.Action == AuditAction.InjectionRecordPrinted));
        Assert.Equal((id.ToString(), AuditOutcome.Succeeded), (audit.SubjectId, audit.Outcome));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Edit")]
    [InlineData("Print")]
    [InlineData("EnteredInError")]
    public async Task SessionPage_OfAnotherPatient_Returns404AndAuditsTheAttempt(string tail)
    {
        var (_, id, _) = await RecordAsync();
        var client = app.CreateClient(Roles.Doctor);
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync(SessionForms.Url(other, id, tail.Length == 0 ? null : tail));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.PatientId == other && e.Outcome == AuditOutcome.NotFound)));
    }

    [Fact]
    public async Task New_UnknownPatient_Returns404()
    {
        var response = await app.CreateClient(Roles.Doctor).GetAsync(SessionForms.NewUrl(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.FrontDesk, "New")]
    [InlineData(Roles.FrontDesk, "")]
    [InlineData(Roles.FrontDesk, "Edit")]
    [InlineData(Roles.FrontDesk, "Print")]
    [InlineData(Roles.FrontDesk, "EnteredInError")]
    [InlineData(Roles.Admin, "New")]
    [InlineData(Roles.Admin, "")]
    [InlineData(Roles.Admin, "Edit")]
    [InlineData(Roles.Admin, "Print")]
    [InlineData(Roles.Admin, "EnteredInError")]
    [InlineData(Roles.Nurse, "New")]
    [InlineData(Roles.Nurse, "Edit")]
    [InlineData(Roles.Nurse, "EnteredInError")]
    public async Task SessionPage_RoleWithoutAccess_IsDenied(string role, string page)
    {
        var (patientId, id, _) = await RecordAsync();
        var url = page == "New" ? SessionForms.NewUrl(patientId) : SessionForms.Url(patientId, id, page.Length == 0 ? null : page);

        var response = await app.CreateClient(role).GetAsync(url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Nurse)]
    public async Task New_PostByRoleWithoutAccess_IsDeniedAndSavesNothing(string role)
    {
        var setup = await app.AddChartSetupAsync();
        var patientId = await app.CreateClient(Roles.Doctor).RegisterAsync(TestData.Patient());
        var client = app.CreateClient(role);
        var token = FormPost.TokenOf(await client.GetStringAsync("/Patients/Register"));
        var fields = SessionForms.Fields(setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId));
        fields.Add(new("__RequestVerificationToken", token));

        var response = await client.PostAsync(SessionForms.NewUrl(patientId), new FormUrlEncodedContent(fields));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        await AssertNothingSavedAsync(patientId, setup.VialId);
    }

    [Fact]
    public async Task PatientPage_Doctor_ListsTheSessions_FrontDeskSeesNone()
    {
        var (patientId, id, _) = await RecordAsync();

        var doctor = await (await app.CreateClient(Roles.Doctor).GetAsync($"/Patients/Details/{patientId}")).HtmlAsync();
        var desk = await (await app.CreateClient(Roles.FrontDesk).GetAsync($"/Patients/Details/{patientId}")).HtmlAsync();

        // The lead places the card on the patient page; until then this only checks nothing leaks to the front desk.
        if (doctor.Contains("Botulinum toxin sessions", StringComparison.Ordinal))
        {
            Assert.Contains(SessionForms.Url(patientId, id), doctor, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(SessionForms.Url(patientId, id), desk, StringComparison.Ordinal);
    }

    private async Task AssertNothingSavedAsync(Guid patientId, Guid vialId)
    {
        Assert.False(await app.WithDbAsync(db => db.InjectionSessions.AnyAsync(s => s.PatientId == patientId)));
        Assert.False(await app.WithDbAsync(db => db.FollowUpTasks.AnyAsync(t => t.PatientId == patientId)));
        Assert.Equal(0m, await app.WithDbAsync(db => db.ToxinVials.Where(v => v.Id == vialId).Select(v => v.UnitsDrawn).SingleAsync()));
    }

    private async Task<(Guid PatientId, Guid SessionId, ToxinChartSetup Setup)> RecordAsync()
    {
        var setup = await app.AddChartSetupAsync();
        var client = app.CreateClient(Roles.Doctor);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var response = await client.PostFormAsync(SessionForms.NewUrl(patientId),
            SessionForms.Fields(setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId)));
        return (patientId, SessionForms.SessionIdOf(patientId, response), setup);
    }
}

public sealed class SessionPagesTestsOnSqlite(SqliteAppFactory app) : SessionPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class SessionPagesTestsOnPostgres(PostgresAppFactory app) : SessionPagesTests<PostgresAppFactory>(app);
