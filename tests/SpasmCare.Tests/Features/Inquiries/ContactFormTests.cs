using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Tests.Features.Inquiries;

public abstract class ContactFormTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : InquiryAppFactory
{
    [Fact]
    public async Task Get_Anonymous_ShowsTheFormWithAFreshIdempotencyKey()
    {
        var visitor = app.CreateVisitor();

        var first = await visitor.OpenAsync();
        var second = await visitor.OpenAsync();

        Assert.Contains("<h1>Contact the clinic</h1>", first.Html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", first.Html, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(first.IdempotencyKey, out _));
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
    }

    [Theory]
    [InlineData("hi", "क्लिनिक से संपर्क करें", "भेजें")]
    [InlineData("mr", "क्लिनिकशी संपर्क साधा", "पाठवा")]
    public async Task Get_InHindiOrMarathi_ShowsTheFormInThatLanguage(string lang, string title, string send)
    {
        var visitor = app.CreateVisitor();

        var form = await visitor.OpenAsync(lang);

        Assert.Contains($"<html lang=\"{lang}\">", form.Html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", WebUtility.HtmlDecode(form.Html), StringComparison.Ordinal);
        Assert.Contains(send, WebUtility.HtmlDecode(form.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ValidForm_RedirectsToThanksWithReferenceAndStoresInquiryMailAndAudit()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();

        var reference = await visitor.SubmitAsync(fields);

        Assert.Matches("^INQ-2026-[0-9]{6}$", reference);
        var inquiry = await app.WithDbAsync(db => db.Inquiries.SingleAsync(i => i.Reference == reference));
        Assert.Equal(fields["Input.Name"], inquiry.Name);
        Assert.Equal(InquiryStatus.New, inquiry.Status);
        Assert.Equal("2026-01", inquiry.ConsentNoticeVersion);
        var mails = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.InquiryId == inquiry.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([InquiryEmails.AcknowledgementKind, InquiryEmails.FrontDeskKind], mails.Order(StringComparer.Ordinal));
        var audit = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.SubjectId == inquiry.Id.ToString() && e.Action == AuditAction.InquiryReceived));
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
        Assert.Null(audit.PatientId);

        var thanks = await visitor.GetAsync($"/Contact/Thanks?reference={reference}&lang=en");
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains(reference, await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingNameAndConsent_ShowsMessagesBesideFieldsKeepsWhatWasTypedAndStoresNothing()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.Name"] = "";
        fields["Input.Consent"] = "false";
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = await response.HtmlAsync();
        Assert.Contains("Enter your name.", text, StringComparison.Ordinal);
        Assert.Contains("Tick the box to agree that we may contact you. We cannot answer otherwise.", text, StringComparison.Ordinal);
        Assert.Equal(fields["Input.Email"], PageHtml.ValueOf(html, "Input.Email"));
        Assert.Contains(fields["Input.Message"], text, StringComparison.Ordinal);
        Assert.Equal(form.IdempotencyKey, PageHtml.ValueOf(html, "Input.IdempotencyKey"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Theory]
    [InlineData("hi", "अपना नाम लिखें।", "name@example.com जैसा ईमेल पता लिखें।")]
    [InlineData("mr", "तुमचे नाव लिहा.", "name@example.com सारखा ईमेल पत्ता लिहा.")]
    public async Task Post_MistakesInHindiOrMarathi_ShowsTheMessagesInThatLanguage(string lang, string nameMessage, string emailMessage)
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.Name"] = "  ";
        fields["Input.Email"] = "not-an-address";
        var form = await visitor.OpenAsync(lang);

        var response = await visitor.PostAsync(form, fields, lang);

        var text = await response.HtmlAsync();
        Assert.Contains(nameMessage, text, StringComparison.Ordinal);
        Assert.Contains(emailMessage, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter your name.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameFormTwice_StoresOneInquiryAndShowsTheSameReference()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        var form = await visitor.OpenAsync();

        var first = ContactPages.ReferenceOf(await visitor.PostAsync(form, fields));
        var second = ContactPages.ReferenceOf(await visitor.PostAsync(form, fields));

        Assert.Equal(first, second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
        var id = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == first).Select(i => i.Id).SingleAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InquiryId == id)));
    }

    [Fact]
    public async Task Post_SameFormTwiceAtOnce_StoresOneInquiry()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        var form = await visitor.OpenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => visitor.PostAsync(form, fields)));

        var references = responses.Select(ContactPages.ReferenceOf).Distinct().ToList();
        Assert.Single(references);
        Assert.Equal(1, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Fact]
    public async Task Post_SameKeyWithOtherAnswers_Returns422WithTheFirstReferenceAndANewKeyAndStoresNothingNew()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        var form = await visitor.OpenAsync();
        var reference = ContactPages.ReferenceOf(await visitor.PostAsync(form, fields));
        fields["Input.Message"] = "Sorry, one more thing: it is the right eye, not the left.";

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"This form was already sent (reference {reference}).", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.NotEqual(form.IdempotencyKey, PageHtml.ValueOf(html, "Input.IdempotencyKey"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Fact]
    public async Task Post_HoneypotFilled_LooksAcceptedButStoresNothingAndAuditsTheRefusal()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.Website"] = "http://spam.example";
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal("/Contact/Thanks?lang=en", Redirects.LocationOf(response));
        var thanks = await visitor.GetAsync("/Contact/Thanks?lang=en");
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.DoesNotContain("INQ-", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.InquiryReceived && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains("spam trap"))));
    }

    [Fact]
    public async Task Post_OverlongFields_ShowsTheLimitsAndStoresNothing()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.Name"] = new string('n', 101);
        fields["Input.Message"] = new string('m', 2001);
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.HtmlAsync();
        Assert.Contains("Your name can be at most 100 characters.", text, StringComparison.Ordinal);
        Assert.Contains("Your question can be at most 2,000 characters.", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Fact]
    public async Task Post_HugeBody_IsRefusedWithoutAServerErrorAndStoresNothing()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.Message"] = new string('x', 300_000);
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
            $"Expected 400 or 413, got {(int)response.StatusCode}.");
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Theory]
    [InlineData("Input.Side", "Sideways", "Choose one of the answers.")]
    [InlineData("Input.AgeAtOnset", "forty", "Enter an age in years, from 1 to 120.")]
    [InlineData("Input.AgeAtOnset", "400", "Enter an age in years, from 1 to 120.")]
    [InlineData("Input.Mobile", "12345", "Enter a 10-digit mobile number starting with 6, 7, 8 or 9.")]
    [InlineData("Input.PreferredSiteId", "not-a-guid", "Choose one of the answers.")]
    [InlineData("Input.Consent", "maybe", "Choose one of the answers.")]
    public async Task Post_MalformedValue_ShowsAFriendlyMessageNotAnError(string field, string value, string message)
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields[field] = value;
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("")]
    public async Task Post_MangledIdempotencyKey_AsksToSendAgainWithAFreshKeyThatWorks(string key)
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.IdempotencyKey"] = key;
        var form = await visitor.OpenAsync();

        var response = await visitor.PostAsync(form, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This form has expired. Please press Send again.", await response.HtmlAsync(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var fresh = PageHtml.ValueOf(html, "Input.IdempotencyKey");
        Assert.True(Guid.TryParse(fresh, out var parsed) && parsed != Guid.Empty);
        fields["Input.IdempotencyKey"] = fresh;
        Assert.Matches("^INQ-", ContactPages.ReferenceOf(await visitor.PostAsync(form with { Token = FormPost.TokenOf(html) }, fields)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();
        fields["Input.IdempotencyKey"] = Guid.NewGuid().ToString();

        var response = await visitor.PostAsync("/Contact?lang=en", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
    }

    [Fact]
    public async Task Post_TooManyFromOneAddress_Returns429FriendlyPageInTheVisitorsLanguage()
    {
        var address = TestClientAddress.Random();
        var visitor = app.CreateVisitor(address);
        for (var i = 0; i < InquiryAppFactory.RateLimitPermits; i++)
        {
            await visitor.SubmitAsync(ContactPages.Valid(), "mr");
        }

        var fields = ContactPages.Valid();
        var form = await visitor.OpenAsync("mr");
        var response = await visitor.PostAsync(form, fields, "mr");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var text = await response.HtmlAsync();
        Assert.Contains("<html lang=\"mr\">", text, StringComparison.Ordinal);
        Assert.Contains("कृपया थोडा वेळ थांबा", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Inquiries.CountAsync(i => i.Email == fields["Input.Email"])));
        var other = app.CreateVisitor();
        Assert.Matches("^INQ-", await other.SubmitAsync(ContactPages.Valid()));
    }

    [Fact]
    public async Task Post_DevanagariName_IsStoredAsTypedAndShownInTheInbox()
    {
        var visitor = app.CreateVisitor();
        var name = "सुनीता " + TestData.UniqueWord("देशमुख");
        var fields = ContactPages.Valid(name: name, message: "माझा डावा डोळा फडफडतो.");
        fields["Input.PreferredLanguage"] = "Marathi";

        var reference = await visitor.SubmitAsync(fields, "mr");

        var inquiry = await app.WithDbAsync(db => db.Inquiries.SingleAsync(i => i.Reference == reference));
        Assert.Equal(name, inquiry.Name);
        var staff = app.CreateClient(SpasmCare.Web.Security.Roles.FrontDesk);
        var details = await staff.GetAsync($"/Inquiries/Details/{inquiry.Id}");
        Assert.Contains(name, await details.HtmlAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Contact/Thanks?reference=INQ-2026-000001", "INQ-2026-000001")]
    [InlineData("/Contact/Thanks?reference=%3Cscript%3Ealert(1)%3C%2Fscript%3E", null)]
    [InlineData("/Contact/Thanks", null)]
    public async Task Thanks_ShowsOnlyAWellFormedReference(string url, string? shown)
    {
        var visitor = app.CreateVisitor();

        var response = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(shown is not null, html.Contains("class=\"mono\">INQ-", StringComparison.Ordinal));
    }
}

public sealed class ContactFormTestsOnSqlite(SqliteInquiryAppFactory app) : ContactFormTests<SqliteInquiryAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class ContactFormTestsOnPostgres(PostgresInquiryAppFactory app) : ContactFormTests<PostgresInquiryAppFactory>(app);
