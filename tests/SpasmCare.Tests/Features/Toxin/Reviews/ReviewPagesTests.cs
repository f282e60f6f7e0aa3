using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Toxin;
using SpasmCare.Tests.Features.Workup;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Toxin.Reviews;

public abstract class ReviewPagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    // The fake clock starts on 24 Nov 2026 (clinic time); the session is 16 days earlier.
    private static readonly DateOnly SessionDate = new(2026, 11, 8);

    [Theory]
    [InlineData(Roles.Nurse)]
    [InlineData(Roles.Doctor)]
    public async Task New_PeakReview_SavesTheReviewAndEffectsClosesTheTasksAndAuditsIt(string role)
    {
        var client = app.CreateClient(role);
        var (patientId, sessionId) = await SessionAsync(client);

        var response = await client.PostFormAsync(NewUrl(patientId, sessionId), Fields(effects: [Effect(0, "Ptosis", "Mild", "2026-11-12")]));

        Assert.Equal($"/Patients/Details/{patientId}#toxin", Redirects.LocationOf(response));
        var review = await app.WithDbAsync(db => db.InjectionReviews.SingleAsync(r => r.SessionId == sessionId));
        Assert.Equal(ToxinResponse.Good, review.Response);
        Assert.Equal(70, review.ImprovementPercent);
        Assert.Equal(4, review.OnsetDay);
        Assert.Equal("Test " + role, review.ReviewedByName);
        Assert.Equal(new DateTime(2026, 11, 22, 4, 30, 0, DateTimeKind.Utc), review.ReviewedAtUtc);
        var effect = await app.WithDbAsync(db => db.ToxinAdverseEffects.SingleAsync(e => e.SessionId == sessionId));
        Assert.Equal(ToxinAdverseEffectKind.Ptosis, effect.Kind);
        Assert.Equal(Severity.Mild, effect.Severity);
        Assert.Equal(new DateOnly(2026, 11, 12), effect.OnsetOn);
        Assert.Equal(review.Id, effect.ReviewId);
        var tasks = await TasksAsync(sessionId);
        Assert.All(tasks, t => Assert.Equal(FollowUpStatus.Done, t.Status));
        Assert.All(tasks, t => Assert.Equal(review.Id, t.ResultId));
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.InjectionReviewRecorded, actions);
        Assert.Contains(AuditAction.ToxinAdverseEffectRecorded, actions);
        Assert.Equal(2, actions.Count(a => a == AuditAction.FollowUpClosed));
    }

    [Fact]
    public async Task New_WithinTheOnsetWindow_ClosesTheOnsetCheckOnly()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var fields = Fields();
        fields["Input.ReviewedAt"] = "2026-11-12T11:00";
        fields["Input.Response"] = "";
        fields["Input.ImprovementPercent"] = "";

        (await client.PostFormAsync(NewUrl(patientId, sessionId), fields)).EnsureRedirect();

        var tasks = await TasksAsync(sessionId);
        Assert.Equal(FollowUpStatus.Done, tasks.Single(t => t.Kind == FollowUpKind.ToxinOnsetCheck).Status);
        Assert.Equal(FollowUpStatus.Open, tasks.Single(t => t.Kind == FollowUpKind.ToxinPeakReview).Status);
    }

    [Fact]
    public async Task New_PeakReviewChosenEarly_ClosesThePeakReviewAsChosen()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var fields = Fields();
        fields["Input.ReviewedAt"] = "2026-11-13T11:00";
        fields["Input.Answers"] = "ToxinPeakReview";

        (await client.PostFormAsync(NewUrl(patientId, sessionId), fields)).EnsureRedirect();

        var tasks = await TasksAsync(sessionId);
        Assert.All(tasks, t => Assert.Equal(FollowUpStatus.Done, t.Status));
    }

    [Fact]
    public async Task New_FromTheWorklistLink_PreselectsTheFollowUp()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);

        var html = await client.GetStringAsync(NewUrl(patientId, sessionId) + "?answers=ToxinOnsetCheck");

        Assert.Matches("<option value=\"ToxinOnsetCheck\" selected=\"selected\">", html);
        Assert.Contains("20 U in all", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ImprovementPercent", "101", "Enter an improvement from 0 to 100 %.")]
    [InlineData("OnsetDay", "61", "Enter an onset day from 0 to 60 (days after the injection).")]
    [InlineData("OnsetDay", "15", "An onset on day 15 would be after this review (day 14).")]
    [InlineData("ReviewedAt", "2026-12-01T10:00", "The review cannot be in the future.")]
    [InlineData("ReviewedAt", "2026-11-01T10:00", "The review cannot be before the session.")]
    [InlineData("ReviewedAt", "", "Enter when the review was done.")]
    [InlineData("WoreOffOn", "2026-11-08", "The effect cannot wear off on or before the day of the session.")]
    [InlineData("WoreOffOn", "2026-12-30", "The date it wore off cannot be in the future.")]
    [InlineData("Response", "None", "A response of \"none\" cannot have an improvement over 25 %")]
    public async Task New_InvalidField_ShowsTheMessageKeepsWhatWasTypedAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var fields = Fields(note: "Phone call, patient well");
        fields["Input." + field] = value;

        var response = await client.PostFormAsync(NewUrl(patientId, sessionId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Matches("name=\"Input.Note\"[^>]*>\\s*Phone call, patient well</textarea>", html);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Theory]
    [InlineData("Severity", "", "Choose the severity of the ptosis.")]
    [InlineData("OnsetOn", "", "Enter when the ptosis started.")]
    [InlineData("OnsetOn", "2026-11-01", "Ptosis cannot start before the session.")]
    [InlineData("ResolvedOn", "2026-11-10", "It cannot resolve before it started.")]
    public async Task New_IncompleteAdverseEffect_IsRefusedBesideItsFieldAndSavesNothing(string field, string value, string message)
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var effect = Effect(0, "Ptosis", "Moderate", "2026-11-12");
        effect["Input.AdverseEffects[0]." + field] = value;

        var response = await client.PostFormAsync(NewUrl(patientId, sessionId), Fields(effects: [effect]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        WorkupPages.AssertErrorBeside(html, "Input.AdverseEffects[0]." + field, message);
        Assert.Matches("<input(?=[^>]*name=\"Input.AdverseEffects\\[0\\].Present\")(?=[^>]*checked=\"checked\")", html);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Fact]
    public async Task New_OtherEffectWithoutDescription_IsRefused()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);

        var response = await client.PostFormAsync(NewUrl(patientId, sessionId), Fields(effects: [Effect(8, "Other", "Mild", "2026-11-12")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Describe the other adverse effect.", await response.HtmlAsync(), StringComparison.Ordinal);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Fact]
    public async Task New_NothingRecorded_AsksForAFinding()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var fields = Fields();
        fields["Input.Response"] = "";
        fields["Input.ImprovementPercent"] = "";
        fields["Input.OnsetDay"] = "";

        var response = await client.PostFormAsync(NewUrl(patientId, sessionId), fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Record at least one finding", await response.HtmlAsync(), StringComparison.Ordinal);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Theory]
    [InlineData(Roles.FrontDesk)]
    [InlineData(Roles.Admin)]
    public async Task New_WithoutClinicalAccess_IsDeniedAndSavesNothing(string role)
    {
        var (patientId, sessionId) = await SessionAsync(app.CreateClient(Roles.Doctor));
        var client = app.CreateClient(role);

        var get = await client.GetAsync(NewUrl(patientId, sessionId));
        var post = await client.PostAsync(NewUrl(patientId, sessionId), new FormUrlEncodedContent(Fields()));

        Assert.StartsWith("/Account/AccessDenied", Redirects.LocationOf(get), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.Headers.Location?.OriginalString.Contains("/Patients/Details/", StringComparison.Ordinal) ?? false);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Fact]
    public async Task New_SessionOfAnotherPatient_Returns404AndAuditsTheAttempt()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (_, sessionId) = await SessionAsync(client);
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync(NewUrl(other, sessionId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.PatientId == other && e.Action == AuditAction.InjectionSessionRead));
        Assert.Equal(AuditOutcome.NotFound, audit.Outcome);
    }

    [Fact]
    public async Task New_SessionEnteredInError_CannotBeReviewed()
    {
        var client = app.CreateClient(Roles.Nurse);
        var patientId = await client.RegisterAsync(TestData.Patient());
        var sessionId = await app.AddToxinSessionAsync(patientId, await app.AddSiteAsync(), await app.AddToxinProductAsync(), SessionDate,
            withTasks: false, enteredInError: true);

        var get = await (await client.GetAsync(NewUrl(patientId, sessionId))).HtmlAsync();
        var post = await client.PostFormAsync(NewUrl(patientId, sessionId), Fields());

        Assert.Contains("marked as entered in error (Wrong patient)", get, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the review", get, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await AssertNothingSavedAsync(patientId, sessionId);
    }

    [Fact]
    public async Task Edit_LaterFindings_AddTheWearingOffDateAndTheResolutionAndAuditThem()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        (await client.PostFormAsync(NewUrl(patientId, sessionId), Fields(effects: [Effect(0, "Ptosis", "Mild", "2026-11-12")]))).EnsureRedirect();
        var (reviewId, effectId) = await app.WithDbAsync(async db =>
            (await db.InjectionReviews.Where(r => r.SessionId == sessionId).Select(r => r.Id).SingleAsync(),
             await db.ToxinAdverseEffects.Where(e => e.SessionId == sessionId).Select(e => e.Id).SingleAsync()));
        var editUrl = EditUrl(patientId, sessionId, reviewId);
        var html = await client.GetStringAsync(editUrl);
        var fields = EditFields(html);
        fields["Input.Review.WoreOffOn"] = "2026-11-23";
        fields["Input.Review.AdverseEffects[0].ResolvedOn"] = "2026-11-20";

        var response = await client.PostFormAsync(editUrl, fields);

        response.EnsureRedirect();
        var review = await app.WithDbAsync(db => db.InjectionReviews.SingleAsync(r => r.Id == reviewId));
        Assert.Equal(new DateOnly(2026, 11, 23), review.WoreOffOn);
        Assert.Equal(ToxinResponse.Good, review.Response);
        var effect = await app.WithDbAsync(db => db.ToxinAdverseEffects.SingleAsync(e => e.Id == effectId));
        Assert.Equal(new DateOnly(2026, 11, 20), effect.ResolvedOn);
        var actions = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == patientId && e.Outcome == AuditOutcome.Succeeded)
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.InjectionReviewUpdated, actions);
        Assert.Contains(AuditAction.ToxinAdverseEffectUpdated, actions);
        Assert.Contains(AuditAction.InjectionReviewRead, actions);
    }

    [Fact]
    public async Task Edit_AdverseEffectEnteredInError_IsKeptButNoLongerCounted()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        (await client.PostFormAsync(NewUrl(patientId, sessionId), Fields(effects: [Effect(4, "Diplopia", "Severe", "2026-11-12")]))).EnsureRedirect();
        var reviewId = await app.WithDbAsync(db => db.InjectionReviews.Where(r => r.SessionId == sessionId).Select(r => r.Id).SingleAsync());
        var editUrl = EditUrl(patientId, sessionId, reviewId);
        var fields = EditFields(await client.GetStringAsync(editUrl));
        fields["Input.Review.AdverseEffects[4].EnteredInError"] = "true";

        (await client.PostFormAsync(editUrl, fields)).EnsureRedirect();

        var effect = await app.WithDbAsync(db => db.ToxinAdverseEffects.SingleAsync(e => e.SessionId == sessionId));
        Assert.True(effect.EnteredInError);
        var page = await client.GetStringAsync(editUrl);
        Assert.Contains("Adverse effects entered in error", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Review.AdverseEffects[4].Id\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsWhoChangedWhatAndOverwritesNothing()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        (await client.PostFormAsync(NewUrl(patientId, sessionId), Fields())).EnsureRedirect();
        var reviewId = await app.WithDbAsync(db => db.InjectionReviews.Where(r => r.SessionId == sessionId).Select(r => r.Id).SingleAsync());
        var editUrl = EditUrl(patientId, sessionId, reviewId);
        var opened = EditFields(await client.GetStringAsync(editUrl));
        var theirs = new Dictionary<string, string>(opened) { ["Input.Review.Note"] = "Their note" };
        (await app.CreateClient(Roles.Doctor).PostFormAsync(editUrl, theirs)).EnsureRedirect();
        var mine = new Dictionary<string, string>(opened) { ["Input.Review.Note"] = "My note" };

        var response = await client.PostFormAsync(editUrl, mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Not saved:", html, StringComparison.Ordinal);
        Assert.Contains(PageHtml.TableRows(html), r => r.SequenceEqual(["Note", "Their note", "My note"]));
        Assert.Matches("name=\"Input.Review.Note\"[^>]*>\\s*My note</textarea>", html);
        Assert.Equal("Their note", await app.WithDbAsync(db => db.InjectionReviews.Where(r => r.Id == reviewId).Select(r => r.Note).SingleAsync()));
        var refused = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e =>
            e.PatientId == patientId && e.Action == AuditAction.InjectionReviewUpdated && e.Outcome == AuditOutcome.Failed));
        Assert.Equal(409, refused.StatusCode);
    }

    [Fact]
    public async Task Edit_ReviewOfAnotherPatient_Returns404()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var reviewId = await app.AddToxinReviewAsync(patientId, sessionId, new DateOnly(2026, 11, 22));
        var other = await client.RegisterAsync(TestData.Patient());

        var response = await client.GetAsync(EditUrl(other, sessionId, reviewId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EnteredInError_WithReason_MarksTheReviewAndReopensItsTask()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var fields = Fields();
        fields["Input.ReviewedAt"] = "2026-11-12T11:00";
        (await client.PostFormAsync(NewUrl(patientId, sessionId), fields)).EnsureRedirect();
        var reviewId = await app.WithDbAsync(db => db.InjectionReviews.Where(r => r.SessionId == sessionId).Select(r => r.Id).SingleAsync());

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/{reviewId}/EnteredInError",
            new Dictionary<string, string> { ["Input.Reason"] = "Recorded against the wrong session" });

        response.EnsureRedirect();
        var review = await app.WithDbAsync(db => db.InjectionReviews.SingleAsync(r => r.Id == reviewId));
        Assert.True(review.EnteredInError);
        Assert.All(await TasksAsync(sessionId), t => Assert.Equal(FollowUpStatus.Open, t.Status));
        var edit = await client.GetStringAsync(EditUrl(patientId, sessionId, reviewId));
        Assert.DoesNotContain("Save changes", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnteredInError_WithoutReason_ChangesNothing()
    {
        var client = app.CreateClient(Roles.Nurse);
        var (patientId, sessionId) = await SessionAsync(client);
        var reviewId = await app.AddToxinReviewAsync(patientId, sessionId, new DateOnly(2026, 11, 22));

        var response = await client.PostWithVersionAsync($"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/{reviewId}/EnteredInError",
            new Dictionary<string, string> { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.InjectionReviews.Where(r => r.Id == reviewId).Select(r => r.EnteredInError).SingleAsync()));
    }

    private static string NewUrl(Guid patientId, Guid sessionId) => $"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/New";

    private static string EditUrl(Guid patientId, Guid sessionId, Guid reviewId) =>
        $"/Patients/{patientId}/Toxin/Sessions/{sessionId}/Reviews/{reviewId}/Edit";

    private async Task<(Guid PatientId, Guid SessionId)> SessionAsync(HttpClient client)
    {
        var patientId = await client.RegisterAsync(TestData.Patient());
        var sessionId = await app.AddToxinSessionAsync(patientId, await app.AddSiteAsync(), await app.AddToxinProductAsync(), SessionDate);
        return (patientId, sessionId);
    }

    private Task<List<FollowUpTask>> TasksAsync(Guid sessionId) =>
        app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.SourceId == sessionId).ToListAsync());

    private async Task AssertNothingSavedAsync(Guid patientId, Guid sessionId)
    {
        Assert.False(await app.WithDbAsync(db => db.InjectionReviews.AnyAsync(r => r.PatientId == patientId)));
        Assert.False(await app.WithDbAsync(db => db.ToxinAdverseEffects.AnyAsync(e => e.PatientId == patientId)));
        Assert.All(await TasksAsync(sessionId), t => Assert.Equal(FollowUpStatus.Open, t.Status));
    }

    private static Dictionary<string, string> Fields(string note = "", params Dictionary<string, string>[] effects)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.ReviewedAt"] = "2026-11-22T10:00",
            ["Input.Answers"] = "",
            ["Input.Response"] = "Good",
            ["Input.ImprovementPercent"] = "70",
            ["Input.OnsetDay"] = "4",
            ["Input.WoreOffOn"] = "",
            ["Input.Note"] = note,
        };
        string[] checklist = ["Ptosis", "BrowPtosis", "Lagophthalmos", "DryEyeOrWatering", "Diplopia", "MouthDroopOrDrooling", "CheekAsymmetry", "Bruising", "Other"];
        for (var i = 0; i < checklist.Length; i++)
        {
            fields[$"Input.AdverseEffects[{i}].Kind"] = checklist[i];
            fields[$"Input.AdverseEffects[{i}].Present"] = "false";
        }

        foreach (var effect in effects)
        {
            foreach (var (key, value) in effect)
            {
                fields[key] = value;
            }
        }

        return fields;
    }

    private static Dictionary<string, string> Effect(int index, string kind, string severity, string onset) => new()
    {
        [$"Input.AdverseEffects[{index}].Kind"] = kind,
        [$"Input.AdverseEffects[{index}].Present"] = "true",
        [$"Input.AdverseEffects[{index}].Severity"] = severity,
        [$"Input.AdverseEffects[{index}].OnsetOn"] = onset,
        [$"Input.AdverseEffects[{index}].ResolvedOn"] = "",
        [$"Input.AdverseEffects[{index}].OtherDescription"] = "",
    };

    /// <summary>The edit form's fields as the page shows them (inputs, the selected options and checked radios).</summary>
    private static Dictionary<string, string> EditFields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<input(?=[^>]*\\sname=\"(Input\\.[^\"]+)\")(?![^>]*type=\"(?:checkbox|radio)\")(?=(?:[^>]*\\svalue=\"([^\"]*)\")?)[^>]*>"))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<input(?=[^>]*type=\"radio\")(?=[^>]*checked=\"checked\")(?=[^>]*\\sname=\"(Input\\.[^\"]+)\")(?=[^>]*\\svalue=\"([^\"]*)\")[^>]*>"))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<select[^>]*\\sname=\"(Input\\.[^\"]+)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<option value=\"([^\"]*)\" selected=\"selected\"");
            fields[m.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : "";
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html,
            "<textarea[^>]*\\sname=\"(Input\\.[^\"]+)\"[^>]*>\\s*([^<]*)</textarea>"))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        return fields;
    }
}

public sealed class ReviewPagesTestsOnSqlite(SqliteAppFactory app) : ReviewPagesTests<SqliteAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ReviewPagesTestsOnPostgres(PostgresAppFactory app) : ReviewPagesTests<PostgresAppFactory>(app);
