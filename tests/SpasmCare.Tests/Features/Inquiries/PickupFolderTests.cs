using Microsoft.EntityFrameworkCore;
using MimeKit;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Messaging;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>Without an SMTP server (the default), mail is written as .eml files so a new installation sees it work.</summary>
public abstract class PickupFolderTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : InquiryAppFactory
{
    [Fact]
    public async Task Submit_NoSmtpServerConfigured_WritesBothEmailsAsEmlFiles()
    {
        var fields = ContactPages.Valid(message: "Twitching <img src=x onerror=alert(1)>");
        fields["Input.PreferredLanguage"] = "Hindi";

        var reference = await app.CreateVisitor().SubmitAsync(fields, "hi");

        var messages = await WaitForFilesAsync(reference, 2);
        var ack = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == fields["Input.Email"]);
        Assert.Equal($"हमें आपका प्रश्न मिल गया ({reference})", ack.Subject);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", ack.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", ack.HtmlBody, StringComparison.Ordinal);
        Assert.Single(messages, m => m.To.Mailboxes.Single().Address == InquiryAppFactory.FrontDesk);
        Assert.Empty(Directory.GetFiles(app.PickupDirectory, "*.tmp"));
        var id = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InquiryId == id && m.Status == OutboxStatus.Sent)));
    }

    private Task<List<MimeMessage>> WaitForFilesAsync(string reference, int count) =>
        Eventually.ReadAsync(async () =>
        {
            var found = new List<MimeMessage>();
            if (Directory.Exists(app.PickupDirectory))
            {
                foreach (var file in Directory.GetFiles(app.PickupDirectory, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.Subject?.Contains(reference, StringComparison.Ordinal) == true)
                    {
                        found.Add(message);
                    }
                }
            }

            return found;
        }, found => found.Count >= count);
}

public sealed class PickupFolderTestsOnSqlite(SqlitePickupAppFactory app) : PickupFolderTests<SqlitePickupAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class PickupFolderTestsOnPostgres(PostgresPickupAppFactory app) : PickupFolderTests<PostgresPickupAppFactory>(app);
