using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Inquiries;

/// <summary>Inquiries that never became patients are deleted 90 days after their last change (fake clock).</summary>
public abstract class RetentionTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : InquiryAppFactory
{
    [Fact]
    public async Task Purge_After90DaysWithoutChange_DeletesUnconvertedInquiriesWithAnAuditRowThatHoldsNoPersonalData()
    {
        var visitor = app.CreateVisitor();
        var forgottenFields = ContactPages.Valid();
        var forgotten = await IdOfAsync(await visitor.SubmitAsync(forgottenFields));
        var converted = await IdOfAsync(await visitor.SubmitAsync(ContactPages.Valid()));
        var worked = await IdOfAsync(await visitor.SubmitAsync(ContactPages.Valid()));
        var staff = app.CreateClient(Roles.FrontDesk);
        PatientPages.IdFromDetailsLocation(await staff.PostFormAsync($"/Inquiries/Convert/{converted}", TestData.FormFields(TestData.Patient())));
        await AddNoteAsync(staff, forgotten, "Left a message.");
        app.Time.Advance(TimeSpan.FromDays(60));
        await AddNoteAsync(staff, worked, "Still deciding; call again next month.");
        app.Time.Advance(TimeSpan.FromDays(31));

        await PurgeAsync();

        var left = await app.WithDbAsync(db => db.Inquiries.Where(i => i.Id == forgotten || i.Id == converted || i.Id == worked).Select(i => i.Id).ToListAsync());
        Assert.Equal(new[] { converted, worked }.Order(), left.Order());
        Assert.Equal(0, await app.WithDbAsync(db => db.InquiryNotes.CountAsync(n => n.InquiryId == forgotten)));
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.InquiryId == forgotten)));
        var deleted = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditAction.InquiryDeleted && e.SubjectId == forgotten.ToString()).ToListAsync());
        var row = Assert.Single(deleted);
        Assert.Equal("retention: not a patient 90 days after the last change", row.Detail);
        Assert.Null(row.PatientId);
        Assert.DoesNotContain(forgottenFields["Input.Name"], row.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_Before90Days_DeletesNothing()
    {
        var id = await IdOfAsync(await app.CreateVisitor().SubmitAsync(ContactPages.Valid()));
        app.Time.Advance(TimeSpan.FromDays(89));

        await PurgeAsync();

        Assert.True(await app.WithDbAsync(db => db.Inquiries.AnyAsync(i => i.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.InquiryDeleted && e.SubjectId == id.ToString())));
    }

    private async Task PurgeAsync()
    {
        // The background job may get there first (the clock moved); either way the outcome is the same.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PurgeInquiries.Handler>().RunAsync(CancellationToken.None);
    }

    private static async Task AddNoteAsync(HttpClient staff, Guid id, string note)
    {
        var html = await (await staff.GetAsync($"/Inquiries/Details/{id}")).Content.ReadAsStringAsync();
        (await staff.PostFormAsync($"/Inquiries/Details/{id}", new Dictionary<string, string>
        {
            ["Input.Version"] = PageHtml.ValueOf(html, "Input.Version"),
            ["Input.Status"] = "Contacted",
            ["Input.Note"] = note,
        })).EnsureRedirect();
    }

    private Task<Guid> IdOfAsync(string reference) =>
        app.WithDbAsync(db => db.Inquiries.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
}

public sealed class RetentionTestsOnSqlite(SqliteInquiryAppFactory app) : RetentionTests<SqliteInquiryAppFactory>(app);

[Trait("Category", "Postgres")]
public sealed class RetentionTestsOnPostgres(PostgresInquiryAppFactory app) : RetentionTests<PostgresInquiryAppFactory>(app);
