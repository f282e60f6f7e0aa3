using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>
/// The patient messages a clinic starts with, in English, Hindi and Marathi (Devanagari), for SMS and email. Short
/// and polite; every SMS says how to stop them. Admins edit them on /Admin/Messages.
/// </summary>
public static class MessageTemplateSeed
{
    private const string Sign = "\n\n";

    public static IReadOnlyList<MessageTemplate> Defaults() =>
    [
        // Appointment reminder: SMS.
        Sms(MessageTemplates.AppointmentReminder, Language.English,
            "{site}: Dear {patient}, a reminder of your {type} with {practitioner} on {date} at {time}. Where: {place}. To change it, call {phone}. Reply STOP to stop these SMS."),
        Sms(MessageTemplates.AppointmentReminder, Language.Hindi,
            "{site}: नमस्ते {patient} जी, याद दिला दें कि {date} को {time} बजे {practitioner} के साथ आपकी अपॉइंटमेंट ({type}) है। स्थान: {place}। बदलने के लिए {phone} पर फ़ोन करें। SMS बंद करने के लिए STOP भेजें।"),
        Sms(MessageTemplates.AppointmentReminder, Language.Marathi,
            "{site}: नमस्कार {patient}, आठवण: {date} रोजी {time} वाजता {practitioner} यांच्यासोबत तुमची अपॉइंटमेंट ({type}) आहे. ठिकाण: {place}. बदलण्यासाठी {phone} वर फोन करा. SMS बंद करण्यासाठी STOP पाठवा."),

        // Appointment reminder: email.
        Email(MessageTemplates.AppointmentReminder, Language.English,
            "Reminder: your appointment on {date} at {time}",
            "Dear {patient}," + Sign +
            "This is a reminder of your {type} with {practitioner} on {date} at {time}." + Sign +
            "Where: {place}" + Sign +
            "If you need to change or cancel it, please call us on {phone}." + Sign +
            "With best wishes,\n{site}"),
        Email(MessageTemplates.AppointmentReminder, Language.Hindi,
            "याद दिलाना: {date} को {time} बजे आपकी अपॉइंटमेंट",
            "प्रिय {patient} जी," + Sign +
            "यह याद दिलाने के लिए है कि {date} को {time} बजे {practitioner} के साथ आपकी अपॉइंटमेंट ({type}) है।" + Sign +
            "स्थान: {place}" + Sign +
            "अगर आपको समय बदलना या रद्द करना हो, तो कृपया हमें {phone} पर फ़ोन करें।" + Sign +
            "शुभकामनाओं सहित,\n{site}"),
        Email(MessageTemplates.AppointmentReminder, Language.Marathi,
            "आठवण: {date} रोजी {time} वाजता तुमची अपॉइंटमेंट",
            "प्रिय {patient}," + Sign +
            "{date} रोजी {time} वाजता {practitioner} यांच्यासोबत तुमची अपॉइंटमेंट ({type}) आहे, याची ही आठवण." + Sign +
            "ठिकाण: {place}" + Sign +
            "वेळ बदलायची किंवा रद्द करायची असल्यास कृपया {phone} वर फोन करा." + Sign +
            "शुभेच्छांसह,\n{site}"),

        // How is the injection working (day 14): SMS.
        Sms(MessageTemplates.ToxinResponseCheck, Language.English,
            "{site}: Dear {patient}, it is two weeks since your injection. How is it working? If the spasm is not better or anything worries you, please call {phone}. Reply STOP to stop these SMS."),
        Sms(MessageTemplates.ToxinResponseCheck, Language.Hindi,
            "{site}: नमस्ते {patient} जी, आपके इंजेक्शन को दो सप्ताह हो गए हैं। इसका असर कैसा है? ऐंठन में सुधार न हो या कोई चिंता हो तो {phone} पर फ़ोन करें। SMS बंद करने के लिए STOP भेजें।"),
        Sms(MessageTemplates.ToxinResponseCheck, Language.Marathi,
            "{site}: नमस्कार {patient}, तुमच्या इंजेक्शनला दोन आठवडे झाले. त्याचा परिणाम कसा आहे? झटके कमी झाले नसतील किंवा काही काळजी वाटत असेल तर {phone} वर फोन करा. SMS बंद करण्यासाठी STOP पाठवा."),

        // How is the injection working (day 14): email.
        Email(MessageTemplates.ToxinResponseCheck, Language.English,
            "How is your injection working?",
            "Dear {patient}," + Sign +
            "It is two weeks since your botulinum toxin injection, about when it works best. How is it working for you?" + Sign +
            "If the spasm has not eased or came back early, or if you noticed a drooping eyelid or mouth, double vision or anything else that worries you, please call us on {phone}. We are glad to hear when it works well, too: it helps us plan your next injection." + Sign +
            "With best wishes,\n{site}"),
        Email(MessageTemplates.ToxinResponseCheck, Language.Hindi,
            "आपका इंजेक्शन कैसा असर कर रहा है?",
            "प्रिय {patient} जी," + Sign +
            "आपके बोटुलिनम टॉक्सिन इंजेक्शन को दो सप्ताह हो गए हैं; इसी समय के आसपास इसका असर सबसे अच्छा होता है। आपके लिए यह कैसा काम कर रहा है?" + Sign +
            "अगर ऐंठन कम नहीं हुई या जल्दी लौट आई, या पलक या मुँह का लटकना, दोहरा दिखना या कोई और परेशानी हो, तो कृपया हमें {phone} पर फ़ोन करें। अच्छा असर हो तो भी बताइए: इससे अगले इंजेक्शन की योजना बनाने में मदद मिलती है।" + Sign +
            "शुभकामनाओं सहित,\n{site}"),
        Email(MessageTemplates.ToxinResponseCheck, Language.Marathi,
            "तुमचे इंजेक्शन कसे काम करत आहे?",
            "प्रिय {patient}," + Sign +
            "तुमच्या बोटुलिनम टॉक्सिन इंजेक्शनला दोन आठवडे झाले; याच सुमारास त्याचा परिणाम सर्वाधिक असतो. ते तुम्हाला कसे लागू पडत आहे?" + Sign +
            "झटके कमी झाले नसतील किंवा लवकर परत आले असतील, किंवा पापणी किंवा तोंड खाली येणे, दोन-दोन दिसणे किंवा इतर काही त्रास जाणवत असेल तर कृपया {phone} वर फोन करा. चांगला परिणाम झाला असेल तरीही कळवा: पुढील इंजेक्शनचे नियोजन करायला त्याची मदत होते." + Sign +
            "शुभेच्छांसह,\n{site}"),
    ];

    /// <summary>The built-in text of a template, when the stored one is missing (deleted from the database by hand).</summary>
    public static MessageTemplate? Default(string key, MessageChannel channel, Language language) =>
        Defaults().FirstOrDefault(t => t.Key == key && t.Channel == channel && t.Language == language);

    /// <summary>Adds each default template that is missing. Safe to call at every start; never changes an edited one.</summary>
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var existing = await db.MessageTemplates.Select(t => new { t.Key, t.Channel, t.Language }).ToListAsync(ct);
        var missing = Defaults()
            .Where(d => !existing.Any(e => e.Key == d.Key && e.Channel == d.Channel && e.Language == d.Language))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.MessageTemplates.AddRange(missing);
        await db.SaveChangesAsync(ct);
    }

    private static MessageTemplate Sms(string key, Language language, string body) =>
        new() { Key = key, Channel = MessageChannel.Sms, Language = language, Body = body };

    private static MessageTemplate Email(string key, Language language, string subject, string body) =>
        new() { Key = key, Channel = MessageChannel.Email, Language = language, Subject = subject, Body = body };
}
