using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Assessments;

public abstract class ScalePagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [Fact]
    public async Task New_Hfs7_ShowsOneQuestionPerItemWithNotAnsweredChosenAndNeutralLabels()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, "HFS7"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        for (var n = 1; n <= 7; n++)
        {
            Assert.Contains($"<legend>HFS-7 item {n}</legend>", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"item-Q{n}-none\" name=\"Input.Answers[Q{n}]\" value=\"\" checked=\"checked\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Input.Answers[Q8]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not applicable", html, StringComparison.Ordinal);
        Assert.Contains("Never", html, StringComparison.Ordinal);
        Assert.Equal("builtin-1", PageHtml.ValueOf(html, "Input.Version"));
        Assert.Equal("2026-11-24T10:00", PageHtml.ValueOf(html, "Input.AssessedAt"));
        Assert.Contains("value=\"PatientReported\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Hfs7AllItems_SavesTheSumWithAnswersRaterModeAndVersionAndAudits()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.PostScaleAsync(ScaleTestPages.NewUrl(patientId, "HFS7"),
            "Q1=3 Q2=2 Q3=4 Q4=0 Q5=1 Q6=2 Q7=1", assessedAt: "2026-11-20T09:15", mode: "InPerson");

        var id = ScaleTestPages.ScoreIdOf(response, patientId);
        var score = await app.WithDbAsync(db => db.ScaleScores.SingleAsync(s => s.Id == id));
        Assert.Equal(13m, score.Total);
        Assert.Equal("Complete", score.Status);
        Assert.Equal("HFS7", score.InstrumentCode);
        Assert.Equal("builtin-1", score.InstrumentVersion);
        Assert.Equal(RatingMode.InPerson, score.Mode);
        Assert.Equal(TestAuthHandler.UserIdOf(Roles.Doctor), score.RaterId);
        Assert.Equal("Test Doctor", score.RaterName);
        Assert.Equal(new DateTime(2026, 11, 20, 3, 45, 0, DateTimeKind.Utc), score.AssessedAtUtc);
        Assert.Equal("3", score.ReadAnswers()["Q1"]);
        Assert.Equal(7, score.ReadAnswers().Count);
        var recorded = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.ScaleScoreRecorded && e.SubjectId == id.ToString()));
        Assert.Equal(patientId, recorded.PatientId);
        Assert.Equal(AuditOutcome.Succeeded, recorded.Outcome);

        var page = await doctor.GetAsync($"/Patients/{patientId}/Scales/{id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = PageHtml.TextOf(await page.Content.ReadAsStringAsync());
        Assert.Contains("Total 13 of 0–28", text, StringComparison.Ordinal);
        Assert.Contains("Status Complete", text, StringComparison.Ordinal);
        Assert.Contains("Rated by Test Doctor", text, StringComparison.Ordinal);
        Assert.Contains("How In person", text, StringComparison.Ordinal);
        Assert.Contains("Assessed 20 Nov 2026, 09:15", text, StringComparison.Ordinal);
        Assert.Contains("version builtin-1", text, StringComparison.Ordinal);
        Assert.Contains("HFS-7 item 3 4 — Always", text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreRead && e.SubjectId == id.ToString() && e.PatientId == patientId)));
    }

    [Fact]
    public async Task Record_Jrs_UsesTheCatalogueDefinitionWithTwoItemsAndSumsThem()
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var patientId = await nurse.RegisterAsync(TestData.Patient());
        var form = await (await nurse.GetAsync(ScaleTestPages.NewUrl(patientId, "JRS"))).Content.ReadAsStringAsync();
        Assert.Contains("<legend>Severity</legend>", form, StringComparison.Ordinal);
        Assert.Contains("<legend>Frequency</legend>", form, StringComparison.Ordinal);
        Assert.Contains("Moderate: very noticeable spasm of the eyelids only; mildly incapacitating", form, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(form, "-none\" name=\"Input.Answers\\["));

        var id = await nurse.RecordAsync(patientId, "JRS", "SEVERITY=3 FREQUENCY=2");

        var score = await app.WithDbAsync(db => db.ScaleScores.SingleAsync(s => s.Id == id));
        Assert.Equal(5m, score.Total);
        Assert.Equal("Complete", score.Status);
        Assert.Equal("Test Nurse", score.RaterName);
    }

    [Fact]
    public async Task Record_BsdiWithNotApplicableItems_SavesTheMeanOfTheApplicableOnes()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var id = await doctor.RecordAsync(patientId, "BSDI", "Q1=2 Q2=NA Q3=3 Q4=NA Q5=1 Q6=1");

        var score = await app.WithDbAsync(db => db.ScaleScores.SingleAsync(s => s.Id == id));
        Assert.Equal(1.75m, score.Total);
        Assert.Equal("NA", score.ReadAnswers()["Q2"]);
        var text = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Scales/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("BSDI item 2 Not applicable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_BsdiMeanWithThirds_StoresThreeDecimals()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var id = await doctor.RecordAsync(patientId, "BSDI", "Q1=2 Q2=3 Q3=3 Q4=2 Q5=2 Q6=1");

        Assert.Equal(2.167m, await app.WithDbAsync(db => db.ScaleScores.Where(s => s.Id == id).Select(s => s.Total).SingleAsync()));
    }

    [Theory]
    [InlineData("HFS7", "Q1=3 Q2=2 Q3=7 Q4=0 Q5=1 Q6=2 Q7=1", "Q3", "HFS-7 item 3: 7 is outside the allowed range 0–4.")]
    [InlineData("HFS7", "Q1=3 Q2=2 Q3=NA Q4=0 Q5=1 Q6=2 Q7=1", "Q3", "HFS-7 item 3: \"not applicable\" is not allowed for this item.")]
    [InlineData("JRS", "SEVERITY=two FREQUENCY=1", "SEVERITY", "Severity: choose one of the answers shown.")]
    public async Task Record_InvalidAnswer_ShowsTheErrorBesideTheItemKeepsTheAnswersAndSavesNothing(
        string instrument, string answers, string item, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.PostScaleAsync(ScaleTestPages.NewUrl(patientId, instrument), answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"<span class=\"field-validation-error\" id=\"item-{item}-error\">{message}</span>", html, StringComparison.Ordinal);
        var firstItem = instrument == "JRS" ? "FREQUENCY" : "Q1";
        var firstValue = instrument == "JRS" ? "1" : "3";
        Assert.Contains($"name=\"Input.Answers[{firstItem}]\" value=\"{firstValue}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScaleScores.CountAsync(s => s.PatientId == patientId)));
        var attempt = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.Action == AuditAction.ScaleScoreRecorded && e.PatientId == patientId));
        Assert.Equal(AuditOutcome.Failed, attempt.Outcome);
    }

    [Theory]
    [InlineData("2031-01-01T10:00", "The assessment cannot be in the future.")]
    [InlineData("", "Enter the date and time of the assessment.")]
    public async Task Record_BadTime_ShowsTheErrorAndSavesNothing(string assessedAt, string message)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var response = await doctor.PostScaleAsync(ScaleTestPages.NewUrl(patientId, "JRS"), "SEVERITY=1 FREQUENCY=1", assessedAt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScaleScores.CountAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task Record_Hfs7WithTwoItemsUnanswered_IsSavedAsIncompleteWithoutATotal()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var id = await doctor.RecordAsync(patientId, "HFS7", "Q1=3 Q2=2 Q3= Q4=0 Q5=1 Q7=1");

        var score = await app.WithDbAsync(db => db.ScaleScores.SingleAsync(s => s.Id == id));
        Assert.Null(score.Total);
        Assert.Equal("Incomplete", score.Status);
        Assert.Equal("", score.ReadAnswers()["Q6"]);
        var text = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Scales/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Total no total", text, StringComparison.Ordinal);
        Assert.Contains("Incomplete: 2 items not answered, so no total", text, StringComparison.Ordinal);
        Assert.Contains("HFS-7 item 6 Not answered", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientPage_TwoHfs7Scores_ShowsTheLatestTheChangeWithTheMicVerdictAndChartData()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        await doctor.RecordAsync(patientId, "HFS7", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "2026-08-12T10:30");
        await doctor.RecordAsync(patientId, "HFS7", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=1 Q6=1 Q7=1", "2026-11-20T11:00");
        await doctor.RecordAsync(patientId, "JRS", "SEVERITY=2 FREQUENCY=2", "2026-11-20T11:05");

        var response = await doctor.GetAsync($"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = PageHtml.TextOf(html);
        Assert.Contains("Outcomes", text, StringComparison.Ordinal);
        Assert.Contains("\u22123 since 12 Aug 2026: important improvement (MIC 2.63)", text, StringComparison.Ordinal);
        Assert.Contains("First total: nothing to compare yet", text, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html, StringComparison.Ordinal);
        Assert.Contains("/js/scale-chart.js", html, StringComparison.Ordinal);
        var chart = ScaleTestPages.ChartData(html, "HFS7");
        var points = chart.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([14m, 11m], points.Select(p => p.GetProperty("y").GetDecimal()));
        Assert.Equal(["12 Aug 2026", "20 Nov 2026"], points.Select(p => p.GetProperty("date").GetString()));
        Assert.Equal(new DateTimeOffset(2026, 8, 12, 5, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), points[0].GetProperty("x").GetInt64());
        Assert.Equal(0m, chart.GetProperty("min").GetDecimal());
        Assert.Equal(28m, chart.GetProperty("max").GetDecimal());
        Assert.Equal("Asia/Kolkata", chart.GetProperty("timeZone").GetString());
        Assert.Empty(chart.GetProperty("markers").EnumerateArray());
        Assert.Equal([4m], ScaleTestPages.ChartData(html, "JRS").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("y").GetDecimal()));
        Assert.Contains("<caption>HFS-7 totals by date</caption>", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreRead && e.PatientId == patientId && e.SubjectType == "Patient")));
    }

    [Fact]
    public async Task PatientPage_ScoresOfAVisitLaterEnteredInError_AreLeftOutOfTheLatestTheChangeAndTheChart()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var siteId = await app.AddSiteAsync();
        var visitId = await app.WithDbAsync(async db =>
        {
            var visit = new Visit
            {
                PatientId = patientId, SiteId = siteId, ClinicianId = Guid.NewGuid(), ClinicianName = "Dr Test",
                StartedAtUtc = new DateTime(2026, 11, 20, 5, 0, 0, DateTimeKind.Utc), Type = VisitType.FollowUp,
            };
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });
        await doctor.RecordAsync(patientId, "HFS7", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "2026-08-12T10:30");
        var atVisit = await doctor.PostScaleAsync(ScaleTestPages.NewUrl(patientId, "HFS7", visitId),
            "Q1=4 Q2=4 Q3=4 Q4=4 Q5=4 Q6=4 Q7=4", "2026-11-20T11:00");
        ScaleTestPages.ScoreIdOf(atVisit, patientId);
        await app.WithDbAsync(db => db.Visits.Where(v => v.Id == visitId)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.EnteredInError, true)));

        var html = await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();

        var points = ScaleTestPages.ChartData(html, "HFS7").GetProperty("points").EnumerateArray();
        Assert.Equal([14m], points.Select(p => p.GetProperty("y").GetDecimal()));
        Assert.Contains("First total: nothing to compare yet", PageHtml.TextOf(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "\u22122 since 1 Oct 2026: less than the minimal important change (MIC 2.63)")]
    [InlineData("Q1=3 Q2=3 Q3=3 Q4=3 Q5=3 Q6=3 Q7=1", "+3 since 1 Oct 2026: important worsening (MIC 2.63)")]
    [InlineData("Q1=3 Q2=3 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "No change since 1 Oct 2026: less than the minimal important change (MIC 2.63)")]
    public async Task PatientPage_Hfs7Change_IsWordedWithItsVerdict(string later, string expected)
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var patientId = await nurse.RegisterAsync(TestData.Patient());
        await nurse.RecordAsync(patientId, "HFS7", "Q1=3 Q2=3 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "2026-10-01T10:00");
        await nurse.RecordAsync(patientId, "HFS7", later, "2026-11-01T10:00");

        var text = PageHtml.TextOf(await (await nurse.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync());

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientPage_SmcGrade_ShowsRomanGradesAndNoMicVerdict()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        await doctor.RecordAsync(patientId, "SMC", "GRADE=3", "2026-09-01T10:00");
        await doctor.RecordAsync(patientId, "SMC", "GRADE=2", "2026-11-01T10:00");

        var html = await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();

        Assert.Contains("\u22121 since 1 Sep 2026: no minimal important change is published for this scale", PageHtml.TextOf(html), StringComparison.Ordinal);
        var chart = ScaleTestPages.ChartData(html, "SMC");
        Assert.Equal("III", chart.GetProperty("tickLabels").GetProperty("3").GetString());
        Assert.Equal(["III", "II"], chart.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task PatientPage_NoScores_ShowsTheEmptyOutcomesCardWithLinksToRecordEachInstrument()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());

        var html = await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync();

        Assert.Contains("No rating scales or outcome grades recorded yet.", html, StringComparison.Ordinal);
        foreach (var code in new[] { "JRS", "SMC", "COHEN", "HFS7", "HFS30", "BSDI" })
        {
            Assert.Contains($"href=\"/Patients/{patientId}/Scales/New?instrument={code}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("chart.umd.min.js", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task PatientPage_FrontDeskOrAdmin_DoesNotShowOutcomes(string role)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        await doctor.RecordAsync(patientId, "JRS", "SEVERITY=3 FREQUENCY=3");

        var response = await app.CreateClient(role).GetAsync($"/Patients/Details/{patientId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Outcomes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("scale-chart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Scales", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreRead && e.PatientId == patientId)));
    }

    [Theory]
    [InlineData(Roles.FrontDesk, "/Scales/New?instrument=HFS7")]
    [InlineData(Roles.Admin, "/Scales/New?instrument=HFS7")]
    [InlineData(Roles.FrontDesk, "/Scales")]
    [InlineData(Roles.Admin, "/Scales")]
    [InlineData(Roles.FrontDesk, "/Scales/{score}")]
    [InlineData(Roles.Admin, "/Scales/{score}")]
    [InlineData(Roles.FrontDesk, "/Scales/{score}/Amend")]
    [InlineData(Roles.Admin, "/Scales/{score}/Amend")]
    public async Task ScalePages_FrontDeskOrAdmin_AreDeniedAndTheDenialIsAudited(string role, string path)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var scoreId = await doctor.RecordAsync(patientId, "JRS", "SEVERITY=1 FREQUENCY=1");
        var url = $"/Patients/{patientId}" + path.Replace("{score}", scoreId.ToString(), StringComparison.Ordinal);

        var response = await app.CreateClient(role).GetAsync(url);

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        var denied = await app.WithDbAsync(db => db.AuditEvents.Where(e =>
            e.Action == AuditAction.AccessDenied && e.ActorId == TestAuthHandler.UserIdOf(role)).ToListAsync());
        Assert.Contains(denied, e => e.StatusCode == 403 && e.Detail == "GET " + url.Split('?')[0]);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task Record_PostByFrontDeskOrAdmin_IsDeniedAndSavesNothing(string role)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var html = await (await doctor.GetAsync(ScaleTestPages.NewUrl(patientId, "JRS"))).Content.ReadAsStringAsync();

        var response = await app.CreateClient(role).PostAsync(ScaleTestPages.NewUrl(patientId, "JRS"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", FormPost.TokenOf(html)),
            new("Input.Answers[SEVERITY]", "1"),
            new("Input.Answers[FREQUENCY]", "1"),
            new("Input.Mode", "InPerson"),
            new("Input.AssessedAt", "2026-11-24T09:00"),
            new("Input.Version", "builtin-1"),
        ]));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ScaleScores.CountAsync(s => s.PatientId == patientId)));
    }

    [Theory]
    [InlineData("/Patients/{unknown}/Scales/New?instrument=HFS7")]
    [InlineData("/Patients/{patient}/Scales/New?instrument=NOSUCH")]
    [InlineData("/Patients/{patient}/Scales/New?instrument=HFS7&visitId={unknown}")]
    [InlineData("/Patients/{unknown}/Scales")]
    [InlineData("/Patients/{patient}/Scales/{unknown}")]
    [InlineData("/Patients/{patient}/Scales/{unknown}/Amend")]
    public async Task ScalePages_UnknownIds_Return404(string path)
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var url = path.Replace("{patient}", patientId.ToString(), StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await doctor.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Score_OfAnotherPatient_Returns404()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var otherId = await doctor.RegisterAsync(TestData.Patient());
        var scoreId = await doctor.RecordAsync(patientId, "JRS", "SEVERITY=1 FREQUENCY=1");

        var response = await doctor.GetAsync($"/Patients/{otherId}/Scales/{scoreId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Amend_WithReason_SavesACorrectedCopyKeepsTheEarlierAndTheChangeUsesTheCorrection()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var first = await doctor.RecordAsync(patientId, "HFS7", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2 Q7=2", "2026-08-12T10:30");
        var second = await doctor.RecordAsync(patientId, "HFS7", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=2 Q6=2 Q7=1", "2026-11-20T11:00");
        var amendUrl = $"/Patients/{patientId}/Scales/{second}/Amend";
        var form = await (await doctor.GetAsync(amendUrl)).Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.Answers[Q7]\" value=\"1\" checked=\"checked\"", form, StringComparison.Ordinal);
        Assert.Equal("2026-11-20T11:00", PageHtml.ValueOf(form, "Input.AssessedAt"));

        var response = await doctor.PostScaleAsync(amendUrl, "Q1=2 Q2=2 Q3=2 Q4=1 Q5=1 Q6=1 Q7=1",
            reason: "Items 4 to 6 entered from the wrong column");

        var amended = ScaleTestPages.ScoreIdOf(response, patientId);
        var rows = await app.WithDbAsync(db => db.ScaleScores.Where(s => s.PatientId == patientId).ToListAsync());
        Assert.Equal(3, rows.Count);
        var original = rows.Single(r => r.Id == second);
        var correction = rows.Single(r => r.Id == amended);
        Assert.Equal(amended, original.SupersededBy);
        Assert.Equal(13m, original.Total);
        Assert.Equal(second, correction.Amends);
        Assert.Equal(10m, correction.Total);
        Assert.Equal("Items 4 to 6 entered from the wrong column", correction.AmendmentReason);
        Assert.Equal(original.AssessedAtUtc, correction.AssessedAtUtc);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreAmended && e.SubjectId == amended.ToString() && e.PatientId == patientId)));
        var text = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/Details/{patientId}")).Content.ReadAsStringAsync());
        Assert.Contains("\u22124 since 12 Aug 2026: important improvement (MIC 2.63)", text, StringComparison.Ordinal);
        var old = PageHtml.TextOf(await (await doctor.GetAsync($"/Patients/{patientId}/Scales/{second}")).Content.ReadAsStringAsync());
        Assert.Contains("This score was amended by Test Doctor", old, StringComparison.Ordinal);
        Assert.Contains("Total 13 of 0–28", old, StringComparison.Ordinal);
        var history = await (await doctor.GetAsync($"/Patients/{patientId}/Scales")).Content.ReadAsStringAsync();
        Assert.Equal([14m, 10m], ScaleTestPages.ChartData(history, "HFS7").GetProperty("points").EnumerateArray().Select(p => p.GetProperty("y").GetDecimal()));
        Assert.Contains($"/Scales/{first}\"", history, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Scales/{second}\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amend_WithoutReason_ShowsTheErrorAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var id = await doctor.RecordAsync(patientId, "JRS", "SEVERITY=2 FREQUENCY=2");

        var response = await doctor.PostScaleAsync($"/Patients/{patientId}/Scales/{id}/Amend", "SEVERITY=1 FREQUENCY=2", reason: "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say why the score is amended", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ScaleScores.CountAsync(s => s.PatientId == patientId)));
    }

    [Fact]
    public async Task Amend_SameScoreTwiceFromFormsOpenedTogether_SecondIsAConflictAndSavesNothing()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var nurse = app.CreateClient(Roles.Nurse);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var id = await doctor.RecordAsync(patientId, "JRS", "SEVERITY=2 FREQUENCY=2");
        var url = $"/Patients/{patientId}/Scales/{id}/Amend";
        var nurseForm = await (await nurse.GetAsync(url)).Content.ReadAsStringAsync();
        (await doctor.PostScaleAsync(url, "SEVERITY=3 FREQUENCY=2", reason: "Severity misread")).EnsureRedirect();

        var response = await nurse.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", FormPost.TokenOf(nurseForm)),
            new("Input.Answers[SEVERITY]", "1"),
            new("Input.Answers[FREQUENCY]", "2"),
            new("Input.Mode", "InPerson"),
            new("Input.AssessedAt", PageHtml.ValueOf(nurseForm, "Input.AssessedAt")),
            new("Input.Version", "builtin-1"),
            new("Input.Reason", "Severity was 1"),
        ]));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved: Test Doctor amended this score", html, StringComparison.Ordinal);
        Assert.Contains("Open the current version", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Answers[SEVERITY]\" value=\"1\" checked=\"checked\"", html, StringComparison.Ordinal);
        var rows = await app.WithDbAsync(db => db.ScaleScores.Where(s => s.PatientId == patientId).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(5m, rows.Single(r => r.Amends == id).Total);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreAmended && e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreAmended && e.PatientId == patientId && e.Outcome == AuditOutcome.Failed
            && e.ActorId == TestAuthHandler.UserIdOf(Roles.Nurse))));
    }

    [Fact]
    public async Task History_ListsEveryCurrentScoreNewestFirstWithChangesAndACharts()
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var patientId = await nurse.RegisterAsync(TestData.Patient());
        await nurse.RecordAsync(patientId, "BSDI", "Q1=3 Q2=3 Q3=3 Q4=3 Q5=NA Q6=NA", "2026-06-01T10:00");
        await nurse.RecordAsync(patientId, "BSDI", "Q1=2 Q2=2 Q3=2 Q4=2 Q5=NA Q6=NA", "2026-09-01T10:00");
        await nurse.RecordAsync(patientId, "BSDI", "Q1=2 Q2=2 Q3=1 Q4=2 Q5=NA Q6=NA", "2026-11-01T10:00");

        var response = await nurse.GetAsync($"/Patients/{patientId}/Scales");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var rows = PageHtml.TableRows(html).Where(r => r.Length == 7).ToList();
        Assert.Equal(["1 Nov 2026, 10:00", "1 Sep 2026, 10:00", "1 Jun 2026, 10:00"], rows.Select(r => r[0]));
        Assert.Equal(["1.75", "2", "3"], rows.Select(r => r[1]));
        Assert.Equal("\u22120.25 since 1 Sep 2026: less than the minimal important change (MIC 0.7)", rows[0][3]);
        Assert.Equal("\u22121 since 1 Jun 2026: important improvement (MIC 0.7)", rows[1][3]);
        Assert.Equal("—", rows[2][3]);
        Assert.Equal("Patient-reported", rows[0][5]);
        Assert.Equal(3, ScaleTestPages.ChartData(html, "BSDI").GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task Record_AtAVisitOfThePatient_LinksTheScoreToTheVisit()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var visitId = await app.WithDbAsync(async db =>
        {
            var site = await db.Sites.FirstOrDefaultAsync();
            if (site is null)
            {
                site = new SpasmCare.Web.Features.Sites.Site { Name = TestData.UniqueWord("Site"), City = "Pune" };
                db.Sites.Add(site);
            }

            var visit = new Visit
            {
                PatientId = patientId,
                SiteId = site.Id,
                ClinicianId = TestAuthHandler.UserIdOf(Roles.Doctor),
                ClinicianName = "Test Doctor",
                StartedAtUtc = new DateTime(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc),
                Type = VisitType.FollowUp,
            };
            db.Visits.Add(visit);
            await db.SaveChangesAsync();
            return visit.Id;
        });

        var response = await doctor.PostScaleAsync(ScaleTestPages.NewUrl(patientId, "JRS", visitId), "SEVERITY=2 FREQUENCY=1");

        var id = ScaleTestPages.ScoreIdOf(response, patientId);
        Assert.Equal(visitId, await app.WithDbAsync(db => db.ScaleScores.Where(s => s.Id == id).Select(s => s.VisitId).SingleAsync()));
        var visitPage = await doctor.GetAsync($"/Patients/{patientId}/Visits/{visitId}");
        Assert.Equal(HttpStatusCode.OK, visitPage.StatusCode);
        var html = await visitPage.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Patients/{patientId}/Scales/{id}\">Jankovic Rating Scale</a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Scales/New?instrument=HFS7&amp;visitId={visitId}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.ScaleScoreRead && e.SubjectType == "Visit" && e.SubjectId == visitId.ToString())));
    }

    [Fact]
    public async Task New_WithoutInstrument_OffersEachInstrumentToChooseFrom()
    {
        var nurse = app.CreateClient(Roles.Nurse);
        var patientId = await nurse.RegisterAsync(TestData.Patient());

        var response = await nurse.GetAsync($"/Patients/{patientId}/Scales/New");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains($"href=\"/Patients/{patientId}/Scales/New?instrument=HFS30\">HFS-30</a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Patients/{patientId}/Scales/New?instrument=COHEN\">Cohen–Albert grade</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"scale-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Hfs30_ShowsThirtyItemsAndSumsThem()
    {
        var doctor = app.CreateClient(Roles.Doctor);
        var patientId = await doctor.RegisterAsync(TestData.Patient());
        var answers = string.Join(' ', Enumerable.Range(1, 30).Select(n => $"Q{n}={n % 5}"));

        var id = await doctor.RecordAsync(patientId, "HFS30", answers);

        var score = await app.WithDbAsync(db => db.ScaleScores.SingleAsync(s => s.Id == id));
        Assert.Equal(60m, score.Total);
        Assert.Equal("{}", score.Subscales);
    }
}

public sealed class ScalePagesTestsOnSqlite(SqliteAppFactory app) : ScalePagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ScalePagesTestsOnPostgres(PostgresAppFactory app) : ScalePagesTests<PostgresAppFactory>(app);
