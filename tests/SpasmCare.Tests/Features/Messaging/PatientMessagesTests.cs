using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SpasmCare.Tests.Features.Toxin.Sessions;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Auditing;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Security;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>
/// Reminders and follow-up messages end to end: written with the booking at the right UTC times for the site's
/// zone, in the patient's language, only on channels they may receive; checked again when due; sent through the
/// HTTP SMS adapter to a fake gateway (down: retried; refusing: failed) and by mail.
/// </summary>
public abstract class PatientMessagesTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : MessagingAppFactory
{
    private const string Kolkata = "Asia/Kolkata";

    [Fact]
    public async Task Schedule_SiteInAnotherZone_OneRowPerLeadAndChannelDueAtStartMinusLeadWithTheSitesLocalTime()
    {
        var site = await app.AddClinicAsync("America/New_York");
        var doctor = await app.AddPractitionerAsync("Dr Vikram Rao");
        var patient = await app.AddPatientAsync();
        var start = app.LocalToUtc(site.TimeZoneId, days: 5, hour: 9, minute: 30);

        var id = await app.BookAsync(patient.Id, site.Id, doctor, start);

        var rows = await app.MessagesOfAppointmentAsync(id);
        Assert.Equal([start.AddDays(-2), start.AddDays(-2), start.AddHours(-3), start.AddHours(-3)], rows.Select(r => r.NextAttemptAtUtc));
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms, MessageChannel.Email, MessageChannel.Sms], rows.Select(r => r.Channel));
        Assert.All(rows, r =>
        {
            Assert.Equal(OutboxStatus.Pending, r.Status);
            Assert.Equal("en", r.Language);
            Assert.Equal(MessageTemplates.AppointmentReminder, r.Kind);
            Assert.Equal(patient.Id, r.PatientId);
        });
        var local = TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.FindSystemTimeZoneById(site.TimeZoneId));
        var day = local.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        var sms = rows.First(r => r.Channel == MessageChannel.Sms);
        Assert.Equal("+91" + patient.Mobile, sms.ToAddress);
        Assert.Equal("", sms.Subject);
        foreach (var expected in new[] { day, "9:30 am", site.Name, "12 Gokhale Road", "Dr Vikram Rao", "injection visit", "022 2430 1234", "Reply STOP" })
        {
            Assert.Contains(expected, sms.TextBody, StringComparison.Ordinal);
        }

        var email = rows.First(r => r.Channel == MessageChannel.Email);
        Assert.Equal(patient.Email, email.ToAddress);
        Assert.Equal($"Reminder: your appointment on {day} at 9:30 am", email.Subject);

        // Too soon for the two-day reminder: only the three-hour ones; too soon for both: none.
        var soonStart = app.Now.AddHours(10);
        var soon = await app.MessagesOfAppointmentAsync(await app.BookAsync(patient.Id, site.Id, doctor, soonStart));
        Assert.Equal(2, soon.Count);
        Assert.All(soon, r => Assert.Equal(soonStart.AddHours(-3), r.NextAttemptAtUtc));
        Assert.Empty(await app.MessagesOfAppointmentAsync(await app.BookAsync(patient.Id, site.Id, doctor, app.Now.AddHours(2))));
    }

    [Fact]
    public async Task Schedule_HindiPatientTeleConsultation_WritesHindiSayingSoAndFallsBackToEnglishWhereATemplateIsMissing()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var hindi = await app.AddPatientAsync(Language.Hindi);
        var start = app.LocalToUtc(Kolkata, days: 4, hour: 14);

        var rows = await app.MessagesOfAppointmentAsync(await app.BookAsync(hindi.Id, site.Id, doctor, start, AppointmentTypeSeed.TeleConsultation));

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("hi", r.Language));
        var local = TimeZoneInfo.ConvertTimeFromUtc(start, TimeZoneInfo.FindSystemTimeZoneById(Kolkata));
        var day = local.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("hi-IN"));
        var sms = rows.First(r => r.Channel == MessageChannel.Sms);
        foreach (var expected in new[] { day, "14:00 बजे", "टेली-परामर्श", "फ़ोन या वीडियो कॉल पर", "STOP" })
        {
            Assert.Contains(expected, sms.TextBody, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("12 Gokhale Road", sms.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("याद दिलाना:", rows.First(r => r.Channel == MessageChannel.Email).Subject, StringComparison.Ordinal);

        // The Marathi SMS text is missing: a Marathi patient gets the English SMS and the Marathi email.
        await app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Key == MessageTemplates.AppointmentReminder
            && t.Channel == MessageChannel.Sms && t.Language == Language.Marathi).ExecuteDeleteAsync());
        try
        {
            var marathi = await app.AddPatientAsync(Language.Marathi);
            var mixed = await app.MessagesOfAppointmentAsync(await app.BookAsync(marathi.Id, site.Id, doctor, start));
            Assert.All(mixed.Where(r => r.Channel == MessageChannel.Sms), r => Assert.Equal("en", r.Language));
            Assert.All(mixed.Where(r => r.Channel == MessageChannel.Sms), r => Assert.Contains("Reply STOP", r.TextBody, StringComparison.Ordinal));
            Assert.All(mixed.Where(r => r.Channel == MessageChannel.Email), r => Assert.Equal("mr", r.Language));
            Assert.All(mixed.Where(r => r.Channel == MessageChannel.Email), r => Assert.StartsWith("आठवण:", r.Subject, StringComparison.Ordinal));
        }
        finally
        {
            await MessageTemplateSeed.EnsureAsync(app.Services, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Schedule_NoConsentOrNoOptIn_WritesNothingOnThatChannel()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var start = app.LocalToUtc(Kolkata, days: 6, hour: 11);
        var noConsent = await app.AddPatientAsync(consent: false);
        var smsOptedOut = await app.AddPatientAsync(sms: false);
        var neverAsked = await app.AddPatientAsync(sms: null, email: null);

        var none = await app.MessagesOfAppointmentAsync(await app.BookAsync(noConsent.Id, site.Id, doctor, start));
        var emailOnly = await app.MessagesOfAppointmentAsync(await app.BookAsync(smsOptedOut.Id, site.Id, doctor, start));
        var nothing = await app.MessagesOfAppointmentAsync(await app.BookAsync(neverAsked.Id, site.Id, doctor, start));

        Assert.Empty(none);
        Assert.Equal(2, emailOnly.Count);
        Assert.All(emailOnly, r => Assert.Equal(MessageChannel.Email, r.Channel));
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task Deliver_PatientOptedOutAfterScheduling_SuppressedNeverSentAndAuditedWhileTheEmailGoes()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var patient = await app.AddPatientAsync();
        var start = app.LocalToUtc(Kolkata, days: 3, hour: 11);
        var id = await app.BookAsync(patient.Id, site.Id, doctor, start);
        var desk = app.CreateClient(Roles.FrontDesk);

        var response = await desk.PostFormAsync($"/Patients/{patient.Id}/ContactPreferences", await ChoiceAsync(patient.Id, MessageChannel.Sms, optIn: false));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        app.Time.Advance(start.AddDays(-2) - app.Now + TimeSpan.FromMinutes(1));
        await app.DeliverAsync();
        var rows = await app.MessagesOfAppointmentAsync(id);
        var first = rows.Where(r => r.NextAttemptAtUtc == start.AddDays(-2)).ToList();
        Assert.Equal(OutboxStatus.Suppressed, first.Single(r => r.Channel == MessageChannel.Sms).Status);
        Assert.Equal("", first.Single(r => r.Channel == MessageChannel.Sms).TextBody);
        Assert.Equal(OutboxStatus.Sent, first.Single(r => r.Channel == MessageChannel.Email).Status);
        Assert.Empty(app.Gateway.To("+91" + patient.Mobile));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PatientMessageSuppressed && e.PatientId == patient.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PatientMessageSent && e.PatientId == patient.Id)));

        // Opted in again before the three-hour reminder: that one goes out.
        await desk.PostFormAsync($"/Patients/{patient.Id}/ContactPreferences", await ChoiceAsync(patient.Id, MessageChannel.Sms, optIn: true));
        app.Time.Advance(start.AddHours(-3) - app.Now + TimeSpan.FromMinutes(1));
        await app.DeliverAsync();
        var last = (await app.MessagesOfAppointmentAsync(id)).Single(r => r.Channel == MessageChannel.Sms && r.NextAttemptAtUtc == start.AddHours(-3));
        Assert.Equal(OutboxStatus.Sent, last.Status);
        Assert.Single(app.Gateway.To("+91" + patient.Mobile));
    }

    [Fact]
    public async Task RescheduleAndCancel_CancelPendingReminders_AndAReminderOfACancelledAppointmentIsNeverSent()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var patient = await app.AddPatientAsync(Language.Marathi);
        var first = app.LocalToUtc(Kolkata, days: 3, hour: 10);
        var moved = app.LocalToUtc(Kolkata, days: 8, hour: 16, minute: 15);
        var id = await app.BookAsync(patient.Id, site.Id, doctor, first);

        await app.RescheduleAsync(id, moved);

        var rows = await app.MessagesOfAppointmentAsync(id);
        Assert.Equal(8, rows.Count);
        Assert.All(rows.Where(r => r.NextAttemptAtUtc < first), r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Cancelled), r => Assert.Equal("", r.TextBody));
        var pending = rows.Where(r => r.Status == OutboxStatus.Pending).ToList();
        Assert.Equal([moved.AddDays(-2), moved.AddDays(-2), moved.AddHours(-3), moved.AddHours(-3)], pending.Select(r => r.NextAttemptAtUtc));
        Assert.All(pending, r => Assert.Contains("16:15 वाजता", r.TextBody, StringComparison.Ordinal));

        await app.CancelAsync(id);
        Assert.All(await app.MessagesOfAppointmentAsync(id), r => Assert.Equal(OutboxStatus.Cancelled, r.Status));

        // Cancelled by a caller that forgot the reminders: they are cancelled when due, not sent.
        var other = await app.AddPatientAsync();
        var second = await app.BookAsync(other.Id, site.Id, doctor, first);
        await app.CancelAsync(second, cancelReminders: false);
        app.Time.Advance(first.AddDays(-2) - app.Now + TimeSpan.FromMinutes(1));
        await app.DeliverAsync();
        var due = (await app.MessagesOfAppointmentAsync(second)).Where(r => r.NextAttemptAtUtc == first.AddDays(-2)).ToList();
        Assert.Equal(2, due.Count);
        Assert.All(due, r => Assert.Equal(OutboxStatus.Cancelled, r.Status));
        Assert.Empty(app.Gateway.To("+91" + other.Mobile));
    }

    [Fact]
    public async Task Deliver_GatewayDown_RetriedWithBackoffThenSent_AndARefusalFailsForGood()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var patient = await app.AddPatientAsync(email: false);
        var refused = await app.AddPatientAsync(email: false);
        var start = app.Now.AddDays(1);
        var id = await app.BookAsync(patient.Id, site.Id, doctor, start);
        var refusedId = await app.BookAsync(refused.Id, site.Id, doctor, start.AddMinutes(30));
        app.Gateway.Answer = FakeSmsGateway.Mode.Down;
        try
        {
            app.Time.Advance(start.AddHours(-3) - app.Now + TimeSpan.FromMinutes(1));

            await app.DeliverAsync();

            var waiting = (await app.MessagesOfAppointmentAsync(id)).Single();
            Assert.Equal(OutboxStatus.Pending, waiting.Status);
            Assert.Equal(1, waiting.Attempts);
            Assert.Equal("Sms Http 503", waiting.LastError);
            Assert.True(waiting.NextAttemptAtUtc > app.Now);
            Assert.NotEqual("", waiting.TextBody);
            Assert.Null(waiting.ClaimToken);

            app.Gateway.Answer = FakeSmsGateway.Mode.Up;
            app.Time.Advance(waiting.NextAttemptAtUtc - app.Now + TimeSpan.FromSeconds(1));
            await app.DeliverAsync();

            var sent = (await app.MessagesOfAppointmentAsync(id)).Single();
            Assert.Equal(OutboxStatus.Sent, sent.Status);
            Assert.Equal(2, sent.Attempts);
            Assert.StartsWith("gw-", sent.ProviderMessageId, StringComparison.Ordinal);
            Assert.Equal("", sent.TextBody);
            var received = Assert.Single(app.Gateway.To("+91" + patient.Mobile));
            Assert.Equal(FakeSmsGateway.ApiKey, received.ApiKey);
            Assert.Equal("SPCARE", received.From);
            Assert.Contains(site.Name, received.Text, StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PatientMessageSent && e.PatientId == patient.Id)));

            app.Gateway.Answer = FakeSmsGateway.Mode.Refuse;
            app.Time.Advance(TimeSpan.FromMinutes(31));
            await app.DeliverAsync();

            var failed = (await app.MessagesOfAppointmentAsync(refusedId)).Single();
            Assert.Equal(OutboxStatus.Failed, failed.Status);
            Assert.Equal("Sms Http 400", failed.LastError);
            Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PatientMessageFailed && e.PatientId == refused.Id)));
        }
        finally
        {
            app.Gateway.Answer = FakeSmsGateway.Mode.Up;
        }
    }

    [Fact]
    public async Task RecordToxinSession_PatientOptedIn_AsksHowTheInjectionWorksOnDay14At10InTheSitesZone()
    {
        var setup = await app.AddChartSetupAsync();
        var patient = await app.AddPatientAsync(Language.Hindi, email: false);
        var doctor = app.CreateClient(Roles.Doctor);
        var local = TimeZoneInfo.ConvertTimeFromUtc(app.Now, TimeZoneInfo.FindSystemTimeZoneById(Kolkata));
        var today = DateOnly.FromDateTime(local);

        var response = await doctor.PostFormAsync(SessionForms.NewUrl(patient.Id), SessionForms.Fields(
            setup.SiteId, setup.ProductId, SessionForms.Typical(setup.VialId),
            date: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), time: local.ToString("HH:mm", CultureInfo.InvariantCulture)));

        SessionForms.SessionIdOf(patient.Id, response);
        var message = Assert.Single(await app.MessagesOfPatientAsync(patient.Id));
        Assert.Equal(MessageTemplates.ToxinResponseCheck, message.Kind);
        Assert.Equal(today.AddDays(14).ToDateTime(new TimeOnly(4, 30)), message.NextAttemptAtUtc);
        Assert.Equal(MessageChannel.Sms, message.Channel);
        Assert.Equal("hi", message.Language);
        Assert.Null(message.AppointmentId);
        Assert.Contains("इंजेक्शन को दो सप्ताह", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppointmentPage_ShowsItsRemindersInTheSitesTimeWithLanguageAndStatus_AndAuditsTheRead()
    {
        var site = await app.AddClinicAsync();
        var doctor = await app.AddPractitionerAsync();
        var patient = await app.AddPatientAsync(Language.Hindi, email: false);
        var start = app.LocalToUtc(Kolkata, days: 5, hour: 12, minute: 45);
        var id = await app.BookAsync(patient.Id, site.Id, doctor, start);

        var response = await app.CreateClient(Roles.FrontDesk).GetAsync($"/Appointments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("Reminders of this appointment", page, StringComparison.Ordinal);
        Assert.Contains(SpasmCare.Web.Features.Assessments.VisitTime.Show(start.AddDays(-2), Kolkata), page, StringComparison.Ordinal);
        Assert.Contains(SpasmCare.Web.Features.Assessments.VisitTime.Show(start.AddHours(-3), Kolkata), page, StringComparison.Ordinal);
        Assert.Contains("<td>Hindi</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Waiting</td>", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.AppointmentMessagesViewed && e.PatientId == patient.Id)));
    }

    /// <summary>The consent page's one-click form for a channel, with the version the page shows.</summary>
    private async Task<Dictionary<string, string>> ChoiceAsync(Guid patientId, MessageChannel channel, bool optIn)
    {
        var version = await app.WithDbAsync(db => db.ContactPreferences
            .Where(c => c.PatientId == patientId && c.Channel == channel).Select(c => (Guid?)c.Version).FirstOrDefaultAsync());
        return new()
        {
            ["Input.Channel"] = channel.ToString(),
            ["Input.OptIn"] = optIn ? "true" : "false",
            ["Input.Version"] = version?.ToString() ?? "",
        };
    }
}

public sealed class PatientMessagesTestsOnSqlite(SqliteMessagingAppFactory app) : PatientMessagesTests<SqliteMessagingAppFactory>(app);

public sealed class PatientMessagesTestsOnPostgres(PostgresMessagingAppFactory app) : PatientMessagesTests<PostgresMessagingAppFactory>(app);
