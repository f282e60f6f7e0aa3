using System.Net;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Features.Messaging;

/// <summary>The pure parts of patient messages: placeholders, lead times, STOP words, numbers, the seeded texts.</summary>
public sealed class MessageRulesTests
{
    [Fact]
    public void Problems_UnknownPlaceholderAndStrayBrace_NamedWithTheKnownOnes()
    {
        var problems = MessageTemplates.Problems(MessageTemplates.ToxinResponseCheck, "Dear {patient}, {date} at {site} {oops");

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("{date} is not a placeholder of this message. Use {patient}, {site}, {phone}.", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("A brace has no pair", problems[1], StringComparison.Ordinal);
        Assert.Empty(MessageTemplates.Problems(MessageTemplates.AppointmentReminder, "{patient} {date} {time} {type} {practitioner} {place} {site} {phone}"));
        Assert.Single(MessageTemplates.Problems(MessageTemplates.AppointmentReminder, "{ patient}"));
    }

    [Fact]
    public void Render_FillsKnownValues_MissingOnesEmpty_TextAroundKept()
    {
        var text = MessageTemplates.Render(" {site}: Dear {patient}, call {phone}. ", new Dictionary<string, string>
        {
            ["site"] = "Dadar",
            ["patient"] = "Meera {phone}",
        });

        Assert.Equal("Dadar: Dear Meera {phone}, call .", text);
    }

    [Theory]
    [InlineData("2 days, 3 hours", "2d,3h", "2 days, 3 hours")]
    [InlineData("3h 2d", "2d,3h", "2 days, 3 hours")]
    [InlineData("1 day and 90 minutes before", "1d,90m", "1 day, 90 minutes")]
    [InlineData("24 hours; 1 day; 30 mins", "1d,30m", "1 day, 30 minutes")]
    [InlineData("", "", "")]
    public void LeadTimes_Parsed_DistinctLongestFirst(string text, string stored, string shown)
    {
        Assert.Null(ReminderSettings.Parse(text, out var leads));
        Assert.Equal(stored, ReminderSettings.Store(leads));
        Assert.Equal(shown, ReminderSettings.Show(leads));
    }

    [Theory]
    [InlineData("2 weeks")]
    [InlineData("tomorrow")]
    [InlineData("5 minutes")]
    [InlineData("31 days")]
    [InlineData("1d, 2d, 3d, 4d, 5d, 6d")]
    [InlineData("2 days, soon")]
    public void LeadTimes_Bad_Refused(string text) =>
        Assert.NotNull(ReminderSettings.Parse(text, out _));

    [Theory]
    [InlineData("STOP", SmsReply.Stop)]
    [InlineData(" stop ", SmsReply.Stop)]
    [InlineData("Stop all", SmsReply.Stop)]
    [InlineData("STOP.", SmsReply.Stop)]
    [InlineData("unsubscribe", SmsReply.Stop)]
    [InlineData("बंद", SmsReply.Stop)]
    [InlineData("बंद करा", SmsReply.Stop)]
    [InlineData("start", SmsReply.Start)]
    [InlineData("START!", SmsReply.Start)]
    [InlineData("please don't stop", SmsReply.Other)]
    [InlineData("stopped", SmsReply.Other)]
    [InlineData("", SmsReply.Other)]
    [InlineData(null, SmsReply.Other)]
    public void SmsReply_Parsed(string? text, SmsReply expected) => Assert.Equal(expected, SmsInbound.Parse(text));

    [Fact]
    public void Secret_ComparedExactly()
    {
        Assert.True(SmsInbound.SecretMatches("s3cret-value", "s3cret-value"));
        Assert.False(SmsInbound.SecretMatches("s3cret-valuE", "s3cret-value"));
        Assert.False(SmsInbound.SecretMatches("s3cret", "s3cret-value"));
        Assert.False(SmsInbound.SecretMatches(null, "s3cret-value"));
    }

    [Fact]
    public void Numbers_E164AndBack()
    {
        Assert.Equal("+919820012345", SmsNumbers.E164("9820012345"));
        Assert.Null(SmsNumbers.E164(""));
        Assert.Equal("9820012345", SmsNumbers.Mobile("+91 98200 12345"));
        Assert.Equal("9820012345", SmsNumbers.Mobile("09820012345"));
        Assert.Null(SmsNumbers.Mobile("+1 555 0100"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, true)]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.UnprocessableEntity, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    public void HttpStatus_PermanentOnlyForClientErrors(HttpStatusCode status, bool permanent) =>
        Assert.Equal(permanent, HttpSmsSender.IsPermanent(status));

    [Fact]
    public void Seed_EveryKeyChannelAndLanguage_ValidPlaceholders_SmsShortWithStop()
    {
        var seeded = MessageTemplateSeed.Defaults();

        Assert.Equal(MessageTemplates.Keys.Count * 2 * MessageTemplates.Languages.Count, seeded.Count);
        foreach (var key in MessageTemplates.Keys)
        {
            foreach (var channel in new[] { MessageChannel.Sms, MessageChannel.Email })
            {
                foreach (var language in MessageTemplates.Languages)
                {
                    var t = Assert.Single(seeded, s => s.Key == key && s.Channel == channel && s.Language == language);
                    Assert.Empty(MessageTemplates.Problems(key, t.Body));
                    Assert.Empty(MessageTemplates.Problems(key, t.Subject));
                    var sample = MessageTemplates.Render(t.Body, MessageTemplates.SampleValues(key, language));
                    Assert.DoesNotContain("{", sample, StringComparison.Ordinal);
                    if (channel == MessageChannel.Sms)
                    {
                        Assert.Equal("", t.Subject);
                        Assert.Contains("STOP", t.Body, StringComparison.Ordinal);
                        Assert.True(sample.Length <= 320, $"{key} {language} SMS is {sample.Length} characters.");
                    }
                    else
                    {
                        Assert.NotEqual("", t.Subject);
                    }

                    if (language != Language.English)
                    {
                        Assert.Contains(t.Body, c => c is >= '\u0900' and <= '\u097F');
                    }
                }
            }
        }
    }

    [Fact]
    public void DatesAndTimes_InThePatientsLanguage()
    {
        var local = new DateTime(2026, 12, 3, 14, 5, 0, DateTimeKind.Unspecified);

        Assert.Equal("Thu 3 Dec 2026", MessageTemplates.Date(local, Language.English));
        Assert.Equal("गुरुवार, 3 दिसंबर 2026", MessageTemplates.Date(local, Language.Hindi));
        Assert.Equal("गुरुवार, 3 डिसेंबर 2026", MessageTemplates.Date(local, Language.Marathi));
        Assert.Equal("2:05 pm", MessageTemplates.Time(local, Language.English));
        Assert.Equal("14:05", MessageTemplates.Time(local, Language.Hindi));
        Assert.Equal("टेली-परामर्श", MessageTemplates.TypeName("whatever", "Video call", isRemote: true, Language.Hindi));
        Assert.Equal("Botox clinic", MessageTemplates.TypeName("botox-clinic", "Botox clinic", isRemote: false, Language.Marathi));
        Assert.Equal("Dadar, 12 Gokhale Road, Mumbai", MessageTemplates.Place(false, "Dadar", "12 Gokhale Road", "Mumbai", Language.English));
    }
}
