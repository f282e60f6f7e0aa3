using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>The acknowledgement and the front-desk announcement reach a real SMTP server, even if it was down.</summary>
public abstract class OutboxTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : InquiryAppFactory
{
    private const string Script = "<script>alert('x')</script> & <b>bold</b>";

    [Fact]
    public async Task Submit_SmtpServerUp_DeliversTheAcknowledgementInTheVisitorsLanguageWithTheirTextEscaped()
    {
        var visitor = app.CreateVisitor();
        var email = TestData.UniqueWord("marathi") + "@example.com";
        var name = "रमेश " + TestData.UniqueWord("Kulkarni");
        var fields = ContactPages.Valid(name: name, email: email, message: "डोळा फडफडतो " + Script);
        fields["Input.PreferredLanguage"] = "Marathi";

        var reference = await visitor.SubmitAsync(fields, "mr");

        var mail = await app.Smtp.WaitForAsync(email);
        Assert.Equal($"आम्हाला तुमचा प्रश्न मिळाला ({reference})", mail.Subject);
        Assert.Equal(name, mail.To.Mailboxes.Single().Name);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("डोळा फडफडतो " + Script, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"प्रिय {name},", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(reference, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SmtpServerUp_AnnouncesToTheFrontDeskWithoutTheVisitorsDetailsAndMarksBothSent()
    {
        var visitor = app.CreateVisitor();
        var fields = ContactPages.Valid();

        var reference = await visitor.SubmitAsync(fields);

        var notice = await WaitForSubjectAsync(InquiryAppFactory.FrontDesk, reference);
        Assert.Equal($"New inquiry {reference}: Likely hemifacial spasm", notice.Subject);
        Assert.DoesNotContain(fields["Input.Name"], notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(fields["Input.Email"], notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(fields["Input.Message"], notice.TextBody, StringComparison.Ordinal);
        await app.Smtp.WaitForAsync(fields["Input.Email"]);
        var id = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        var rows = await EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.InquiryId == id).ToListAsync()),
            r => r.All(m => m.Status == OutboxStatus.Sent));
        Assert.All(rows, m => Assert.Equal("", m.TextBody));
        Assert.All(rows, m => Assert.Null(m.HtmlBody));
        Assert.All(rows, m => Assert.Null(m.ClaimToken));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e =>
            e.Action == AuditAction.InquiryMailSent && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task Submit_SmtpServerDown_SucceedsAndMailWaitsThenGoesOutAfterTheServerStarts()
    {
        var fields = ContactPages.Valid();
        await app.Smtp.StopAsync();
        try
        {
            var visitor = app.CreateVisitor();

            var reference = await visitor.SubmitAsync(fields);

            var id = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
            var queued = await EventuallyAsync(
                () => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                    .SingleAsync(m => m.InquiryId == id && m.Kind == InquiryEmails.AcknowledgementKind)),
                m => m.Attempts >= 1 && m.ClaimToken == null);
            Assert.Equal(OutboxStatus.Pending, queued.Status);
            Assert.Null(queued.SentAtUtc);
            Assert.NotEqual("", queued.TextBody);
            Assert.StartsWith("SocketException", queued.LastError, StringComparison.Ordinal);
            Assert.True(queued.NextAttemptAtUtc > app.Time.GetUtcNow().UtcDateTime);
            Assert.Empty(app.Smtp.To(fields["Input.Email"]));
        }
        finally
        {
            app.Smtp.Start();
        }

        // Move the clock on until the worker's next try comes round (it may still be finishing its last round).
        var mail = await Eventually.ReadAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromMinutes(1));
            return Task.FromResult(app.Smtp.To(fields["Input.Email"]).FirstOrDefault());
        }, m => m is not null);

        Assert.NotNull(mail);
        Assert.Contains("We received your question", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_RecipientRefusedForGood_MarksTheMessageFailedAndShowsItToStaff()
    {
        var email = TestData.UniqueWord("refused") + "@example.com";
        app.Smtp.Refuse(email);
        var visitor = app.CreateVisitor();

        var reference = await visitor.SubmitAsync(ContactPages.Valid(email: email));

        var id = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        var failed = await EventuallyAsync(
            () => app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.InquiryId == id && m.Kind == InquiryEmails.AcknowledgementKind)),
            m => m.Status != OutboxStatus.Pending);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.StartsWith("SmtpCommandException RecipientNotAccepted 550", failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(email, failed.LastError, StringComparison.Ordinal);
        var staff = app.CreateClient(SpasmCare.Web.Security.Roles.FrontDesk);
        var page = await (await staff.GetAsync($"/Inquiries/Details/{id}")).HtmlAsync();
        Assert.Contains("Refused by the mail server", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_SeveralWorkersAtOnce_SendEachMessageExactlyOnce()
    {
        var now = app.Time.GetUtcNow().UtcDateTime;
        var addresses = Enumerable.Range(0, 12).Select(_ => TestData.UniqueWord("parallel") + "@example.com").ToList();
        await app.WithDbAsync(async db =>
        {
            // Queued directly, without waking this instance's worker: the four callers below race for them.
            db.OutboxMessages.AddRange(addresses.Select(a => new OutboxMessage
            {
                Kind = "test",
                ToAddress = a,
                ToName = "Test",
                Subject = "Lease test",
                TextBody = "Hello",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            }));
            return await db.SaveChangesAsync();
        });
        var delivery = app.Services.GetRequiredService<OutboxDelivery>();

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => delivery.DeliverDueAsync(CancellationToken.None))));

        Assert.True(sent.Sum() <= addresses.Count);
        foreach (var email in addresses)
        {
            await app.Smtp.WaitForAsync(email);
        }

        Assert.All(addresses, email => Assert.Single(app.Smtp.To(email)));
        Assert.Equal(addresses.Count, await app.WithDbAsync(db =>
            db.OutboxMessages.CountAsync(m => addresses.Contains(m.ToAddress) && m.Status == OutboxStatus.Sent && m.Attempts == 1)));
    }

    private async Task<MimeMessage> WaitForSubjectAsync(string address, string reference) =>
        await Eventually.ReadAsync(
            () => Task.FromResult(app.Smtp.To(address).FirstOrDefault(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true)),
            m => m is not null)
        ?? throw new TimeoutException($"No message about {reference} to {address}.");

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done) => Eventually.ReadAsync(read, done);
}

public sealed class OutboxTestsOnSqlite(SqliteInquiryAppFactory app) : OutboxTests<SqliteInquiryAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class OutboxTestsOnPostgres(PostgresInquiryAppFactory app) : OutboxTests<PostgresInquiryAppFactory>(app);
