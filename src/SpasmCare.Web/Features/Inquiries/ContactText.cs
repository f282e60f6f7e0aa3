using System.Globalization;
using SpasmCare.Clinical.Triage;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>One piece of visitor-facing text in each language the public form speaks.</summary>
public sealed record Phrase(string English, string Hindi, string Marathi)
{
    public string In(Language language) => language switch
    {
        Language.Hindi => Hindi,
        Language.Marathi => Marathi,
        _ => English,
    };

    /// <summary>The text in <paramref name="language"/> with <paramref name="args"/> put in ({0}, {1} …).</summary>
    public string In(Language language, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, In(language), args);
}

/// <summary>The languages of the public pages, chosen with <c>?lang=en|hi|mr</c>.</summary>
public static class ContactLanguage
{
    public static readonly IReadOnlyList<Language> All = [Language.English, Language.Hindi, Language.Marathi];

    public static Language Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "hi" => Language.Hindi,
        "mr" => Language.Marathi,
        _ => Language.English,
    };

    public static string Code(Language language) => language switch
    {
        Language.Hindi => "hi",
        Language.Marathi => "mr",
        _ => "en",
    };

    /// <summary>The language's name in itself, for the language switch.</summary>
    public static string NativeName(Language language) => language switch
    {
        Language.Hindi => "हिन्दी",
        Language.Marathi => "मराठी",
        _ => "English",
    };
}

/// <summary>
/// Every word the visitor reads on the contact pages and in the acknowledgement email, in English, Hindi and Marathi,
/// side by side so that a translator sees the three together and a missing one fails to compile. Plain, short
/// sentences. Staff pages stay in English and use <see cref="Phrase.English"/>.
/// </summary>
public static class ContactText
{
    // Layout and navigation
    public static readonly Phrase SkipToContent = new("Skip to content", "मुख्य भाग पर जाएँ", "मुख्य भागावर जा");
    public static readonly Phrase NavLabel = new("Main", "मुख्य", "मुख्य");
    public static readonly Phrase NavContact = new("Ask us a question", "हमसे पूछें", "आम्हाला विचारा");
    public static readonly Phrase NavStaff = new("Staff sign-in", "स्टाफ लॉग-इन", "कर्मचारी लॉग-इन");
    public static readonly Phrase LanguageLabel = new("Language", "भाषा", "भाषा");
    public static readonly Phrase FooterNote = new(
        "Your details are used only to answer your question.",
        "आपकी जानकारी का उपयोग केवल आपके प्रश्न का उत्तर देने के लिए किया जाता है।",
        "तुमची माहिती फक्त तुमच्या प्रश्नाचे उत्तर देण्यासाठी वापरली जाते.");

    // The form
    public static readonly Phrase FormTitle = new("Contact the clinic", "क्लिनिक से संपर्क करें", "क्लिनिकशी संपर्क साधा");
    public static readonly Phrase FormIntro = new(
        "Tell us about your face twitching (hemifacial spasm). We reply within one working day.",
        "अपने चेहरे की फड़कन (हेमीफेशियल स्पाज़्म) के बारे में बताइए। हम एक कार्य-दिवस के भीतर उत्तर देते हैं।",
        "तुमच्या चेहऱ्याच्या फडफडण्याबद्दल (हेमीफेशियल स्पाझम) सांगा. आम्ही एका कामकाजाच्या दिवसात उत्तर देतो.");
    public static readonly Phrase NotForEmergencies = new(
        "This form is not for emergencies. If your face suddenly becomes weak or droops, go to a hospital at once.",
        "यह फ़ॉर्म आपातकाल के लिए नहीं है। अगर चेहरा अचानक कमज़ोर हो जाए या लटक जाए, तो तुरंत अस्पताल जाएँ।",
        "हा फॉर्म आपत्कालीन स्थितीसाठी नाही. चेहरा अचानक कमकुवत झाला किंवा लुळा पडला, तर लगेच रुग्णालयात जा.");
    public static readonly Phrase Required = new("required", "ज़रूरी", "आवश्यक");
    public static readonly Phrase Optional = new("optional", "वैकल्पिक", "ऐच्छिक");
    public static readonly Phrase AboutYou = new("About you", "आपके बारे में", "तुमच्याबद्दल");
    public static readonly Phrase Name = new("Your name", "आपका नाम", "तुमचे नाव");
    public static readonly Phrase Email = new("Email", "ईमेल", "ईमेल");
    public static readonly Phrase EmailHint = new("We send a confirmation here.", "हम यहाँ पुष्टि भेजेंगे।", "आम्ही येथे पुष्टी पाठवू.");
    public static readonly Phrase Mobile = new("Mobile number", "मोबाइल नंबर", "मोबाईल नंबर");
    public static readonly Phrase MobileHint = new(
        "10 digits, so that we can call you back.",
        "10 अंक, ताकि हम आपको वापस फ़ोन कर सकें।",
        "10 अंक, म्हणजे आम्ही तुम्हाला परत फोन करू शकू.");
    public static readonly Phrase Message = new("Your question", "आपका प्रश्न", "तुमचा प्रश्न");
    public static readonly Phrase MessageHint = new("Up to 2,000 characters.", "अधिकतम 2,000 अक्षर।", "जास्तीत जास्त 2,000 अक्षरे.");
    public static readonly Phrase AboutTwitching = new("About the twitching", "फड़कन के बारे में", "फडफडण्याबद्दल");
    public static readonly Phrase AboutTwitchingHint = new(
        "These answers help us prepare. Skip any you are not sure about.",
        "ये उत्तर हमें तैयारी में मदद करते हैं। जिसके बारे में पक्का न हो, उसे छोड़ दें।",
        "ही उत्तरे आम्हाला तयारीसाठी मदत करतात. खात्री नसलेले प्रश्न सोडून द्या.");
    public static readonly Phrase SideQuestion = new("Which side of the face?", "चेहरे की कौन-सी तरफ़?", "चेहऱ्याची कोणती बाजू?");
    public static readonly Phrase StartedQuestion = new("Where did it start?", "यह कहाँ से शुरू हुआ?", "हे कुठून सुरू झाले?");
    public static readonly Phrase CheekQuestion = new(
        "Does it also pull the cheek or mouth?", "क्या यह गाल या मुँह को भी खींचता है?", "ते गाल किंवा तोंडही ओढते का?");
    public static readonly Phrase DurationQuestion = new("How long has it been going on?", "यह कब से हो रहा है?", "हे किती दिवसांपासून होत आहे?");
    public static readonly Phrase AgeQuestion = new(
        "About how old were you when it started?",
        "शुरू होने के समय आपकी उम्र लगभग कितनी थी?",
        "सुरू झाले तेव्हा तुमचे वय साधारण किती होते?");
    public static readonly Phrase AgeHint = new("In years.", "सालों में।", "वर्षांत.");
    public static readonly Phrase ToxinQuestion = new(
        "Have you had Botox (botulinum toxin) injections for it?",
        "क्या इसके लिए आपको बोटॉक्स (बोटुलिनम टॉक्सिन) के इंजेक्शन लगे हैं?",
        "यासाठी तुम्हाला बोटॉक्स (बोट्युलिनम टॉक्सिन) इंजेक्शन दिले गेले आहे का?");
    public static readonly Phrase MriQuestion = new(
        "Have you had an MRI scan of the head for it?",
        "क्या इसके लिए सिर का MRI स्कैन हुआ है?",
        "यासाठी डोक्याचा MRI स्कॅन झाला आहे का?");
    public static readonly Phrase WeaknessQuestion = new(
        "Is that side of the face weak (hard to close the eye or to smile)?",
        "क्या चेहरे की वह तरफ़ कमज़ोर है (आँख बंद करने या मुस्कुराने में कठिनाई)?",
        "चेहऱ्याची ती बाजू कमकुवत आहे का (डोळा बंद करणे किंवा हसणे अवघड)?");
    public static readonly Phrase HearingQuestion = new(
        "Do you hear less with the ear on that side?",
        "क्या उस तरफ़ के कान से कम सुनाई देता है?",
        "त्या बाजूच्या कानाने कमी ऐकू येते का?");
    public static readonly Phrase PalsyQuestion = new(
        "Have you had a facial paralysis (Bell's palsy) before?",
        "क्या पहले कभी चेहरे का लकवा (बेल्स पाल्सी) हुआ है?",
        "पूर्वी कधी चेहऱ्याचा लकवा (बेल्स पाल्सी) झाला होता का?");
    public static readonly Phrase YourVisit = new("Your visit", "आपकी मुलाक़ात", "तुमची भेट");
    public static readonly Phrase SiteQuestion = new("Preferred clinic or hospital", "पसंदीदा क्लिनिक या अस्पताल", "पसंतीचे क्लिनिक किंवा रुग्णालय");
    public static readonly Phrase AnySite = new("Any", "कोई भी", "कोणतेही");
    public static readonly Phrase LanguageQuestion = new("Language for our reply", "उत्तर की भाषा", "उत्तराची भाषा");
    public static readonly Phrase Consent = new(
        "I agree that the clinic may use these details to contact me about my question.",
        "मैं सहमत हूँ कि क्लिनिक मेरे प्रश्न के बारे में मुझसे संपर्क करने के लिए इन जानकारियों का उपयोग कर सकता है।",
        "माझ्या प्रश्नाबद्दल माझ्याशी संपर्क साधण्यासाठी क्लिनिक ही माहिती वापरू शकते, याला माझी संमती आहे.");
    public static readonly Phrase ConsentNotice = new(
        "We keep your details only to answer you. If you do not become a patient, we delete them after {0} days.",
        "हम आपकी जानकारी केवल उत्तर देने के लिए रखते हैं। अगर आप मरीज़ नहीं बनते, तो {0} दिनों के बाद हम इसे मिटा देते हैं।",
        "आम्ही तुमची माहिती फक्त उत्तर देण्यासाठी ठेवतो. तुम्ही रुग्ण झाला नाहीत, तर {0} दिवसांनंतर आम्ही ती हटवतो.");
    public static readonly Phrase Honeypot = new("Leave this field empty", "इसे खाली छोड़ें", "हे रिकामे ठेवा");
    public static readonly Phrase Send = new("Send", "भेजें", "पाठवा");
    public static readonly Phrase CorrectThese = new("Please correct the following", "कृपया ये सुधारें", "कृपया हे दुरुस्त करा");
    public static readonly Phrase AlreadySent = new(
        "This form was already sent (reference {0}). To send your changes as a new question, press Send again.",
        "यह फ़ॉर्म पहले ही भेजा जा चुका है (संदर्भ {0})। बदलाव नए प्रश्न के रूप में भेजने के लिए फिर से 'भेजें' दबाएँ।",
        "हा फॉर्म आधीच पाठवला आहे (संदर्भ {0}). बदल नवीन प्रश्न म्हणून पाठवण्यासाठी पुन्हा 'पाठवा' दाबा.");

    // Answers
    public static readonly Phrase Yes = new("Yes", "हाँ", "हो");
    public static readonly Phrase No = new("No", "नहीं", "नाही");
    public static readonly Phrase NotSure = new("Not sure", "पता नहीं", "माहीत नाही");
    public static readonly Phrase Left = new("Left", "बाईं", "डावी");
    public static readonly Phrase Right = new("Right", "दाईं", "उजवी");
    public static readonly Phrase BothSides = new("Both sides", "दोनों तरफ़", "दोन्ही बाजू");
    public static readonly Phrase AroundEye = new("Around the eye", "आँख के आसपास", "डोळ्याभोवती");
    public static readonly Phrase LowerFace = new("Cheek or mouth", "गाल या मुँह", "गाल किंवा तोंड");
    public static readonly Phrase LessThan6Months = new("Less than 6 months", "6 महीने से कम", "6 महिन्यांपेक्षा कमी");
    public static readonly Phrase SixTo12Months = new("6 to 12 months", "6 से 12 महीने", "6 ते 12 महिने");
    public static readonly Phrase OneTo5Years = new("1 to 5 years", "1 से 5 साल", "1 ते 5 वर्षे");
    public static readonly Phrase MoreThan5Years = new("More than 5 years", "5 साल से ज़्यादा", "5 वर्षांपेक्षा जास्त");
    public static readonly Phrase ToxinNever = new("No, never", "नहीं, कभी नहीं", "नाही, कधीच नाही");
    public static readonly Phrase ToxinWithin3Months = new("Yes, in the last 3 months", "हाँ, पिछले 3 महीनों में", "हो, गेल्या 3 महिन्यांत");
    public static readonly Phrase ToxinThreeTo12Months = new("Yes, 3 to 12 months ago", "हाँ, 3 से 12 महीने पहले", "हो, 3 ते 12 महिन्यांपूर्वी");
    public static readonly Phrase ToxinMoreThan12Months = new("Yes, more than a year ago", "हाँ, एक साल से भी पहले", "हो, एका वर्षापेक्षा आधी");

    // The thank-you page
    public static readonly Phrase ThanksTitle = new("Thank you", "धन्यवाद", "धन्यवाद");
    public static readonly Phrase ThanksReceived = new("We have received your question.", "हमें आपका प्रश्न मिल गया है।", "आम्हाला तुमचा प्रश्न मिळाला आहे.");
    public static readonly Phrase ThanksReference = new("Your reference number", "आपका संदर्भ नंबर", "तुमचा संदर्भ क्रमांक");
    public static readonly Phrase ThanksKeep = new(
        "Please keep it, and tell us this number if you call.",
        "इसे संभाल कर रखें, और फ़ोन करने पर यह नंबर बताएँ।",
        "तो जपून ठेवा, आणि फोन केल्यास हा क्रमांक सांगा.");
    public static readonly Phrase ThanksNext = new(
        "We will reply within one working day (Monday to Friday). A confirmation is on its way to your email.",
        "हम एक कार्य-दिवस (सोमवार से शुक्रवार) के भीतर उत्तर देंगे। पुष्टि आपके ईमेल पर भेजी जा रही है।",
        "आम्ही एका कामकाजाच्या दिवसात (सोमवार ते शुक्रवार) उत्तर देऊ. पुष्टी तुमच्या ईमेलवर पाठवली जात आहे.");
    public static readonly Phrase ThanksAnother = new("Send another question", "एक और प्रश्न भेजें", "आणखी एक प्रश्न पाठवा");

    // Too many posts (429)
    public static readonly Phrase BusyTitle = new("Please wait a little", "कृपया थोड़ा रुकें", "कृपया थोडा वेळ थांबा");
    public static readonly Phrase BusyText = new(
        "Many messages were sent from your connection just now, so this one was not sent. Please try again in {0} minutes. Your browser's Back button brings back what you typed.",
        "आपके कनेक्शन से अभी बहुत सारे संदेश भेजे गए, इसलिए यह संदेश नहीं भेजा गया। कृपया {0} मिनट बाद फिर कोशिश करें। ब्राउज़र का 'बैक' बटन आपका लिखा हुआ वापस ले आएगा।",
        "तुमच्या कनेक्शनवरून आत्ताच बरेच संदेश पाठवले गेले, म्हणून हा संदेश पाठवला गेला नाही. कृपया {0} मिनिटांनी पुन्हा प्रयत्न करा. ब्राउझरचे 'बॅक' बटण तुम्ही लिहिलेले परत आणेल.");
    public static readonly Phrase BackToForm = new("Back to the form", "फ़ॉर्म पर वापस जाएँ", "फॉर्मवर परत जा");

    // The acknowledgement email
    public static readonly Phrase AckSubject = new("We received your question ({0})", "हमें आपका प्रश्न मिल गया ({0})", "आम्हाला तुमचा प्रश्न मिळाला ({0})");
    public static readonly Phrase AckGreeting = new("Dear {0},", "प्रिय {0},", "प्रिय {0},");
    public static readonly Phrase AckBody = new(
        "Thank you for writing to us. Your reference number is {0}. We will reply within one working day (Monday to Friday).",
        "हमें लिखने के लिए धन्यवाद। आपका संदर्भ नंबर {0} है। हम एक कार्य-दिवस (सोमवार से शुक्रवार) के भीतर उत्तर देंगे।",
        "आम्हाला लिहिल्याबद्दल धन्यवाद. तुमचा संदर्भ क्रमांक {0} आहे. आम्ही एका कामकाजाच्या दिवसात (सोमवार ते शुक्रवार) उत्तर देऊ.");
    public static readonly Phrase AckCopy = new("Your question:", "आपका प्रश्न:", "तुमचा प्रश्न:");
    public static readonly Phrase AckNotYou = new(
        "If you did not send this, you can ignore this email.",
        "अगर यह आपने नहीं भेजा, तो इस ईमेल को अनदेखा करें।",
        "हे तुम्ही पाठवले नसेल, तर या ईमेलकडे दुर्लक्ष करा.");
    public static readonly Phrase AckSignOff = new("Kind regards,", "शुभकामनाओं सहित,", "शुभेच्छांसह,");

    // Messages beside the fields. The form's DataAnnotations carry these keys; the page shows the phrase.
    public static readonly IReadOnlyDictionary<string, Phrase> Errors = new Dictionary<string, Phrase>(StringComparer.Ordinal)
    {
        [ContactErrors.NameRequired] = new("Enter your name.", "अपना नाम लिखें।", "तुमचे नाव लिहा."),
        [ContactErrors.NameTooLong] = new(
            "Your name can be at most 100 characters.", "नाम अधिकतम 100 अक्षरों का हो सकता है।", "नाव जास्तीत जास्त 100 अक्षरांचे असू शकते."),
        [ContactErrors.EmailRequired] = new("Enter your email address.", "अपना ईमेल पता लिखें।", "तुमचा ईमेल पत्ता लिहा."),
        [ContactErrors.EmailInvalid] = new(
            "Enter an email address like name@example.com.", "name@example.com जैसा ईमेल पता लिखें।", "name@example.com सारखा ईमेल पत्ता लिहा."),
        [ContactErrors.EmailTooLong] = new("The email address is too long.", "ईमेल पता बहुत लंबा है।", "ईमेल पत्ता खूप लांब आहे."),
        [ContactErrors.MobileInvalid] = new(
            "Enter a 10-digit mobile number starting with 6, 7, 8 or 9.",
            "6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का मोबाइल नंबर लिखें।",
            "6, 7, 8 किंवा 9 ने सुरू होणारा 10 अंकी मोबाईल नंबर लिहा."),
        [ContactErrors.MessageRequired] = new("Write your question.", "अपना प्रश्न लिखें।", "तुमचा प्रश्न लिहा."),
        [ContactErrors.MessageTooLong] = new(
            "Your question can be at most 2,000 characters.", "प्रश्न अधिकतम 2,000 अक्षरों का हो सकता है।", "प्रश्न जास्तीत जास्त 2,000 अक्षरांचा असू शकतो."),
        [ContactErrors.ConsentRequired] = new(
            "Tick the box to agree that we may contact you. We cannot answer otherwise.",
            "हमें संपर्क करने की सहमति देने के लिए बॉक्स पर निशान लगाएँ। इसके बिना हम उत्तर नहीं दे सकते।",
            "संपर्काची संमती देण्यासाठी चौकटीत खूण करा. त्याशिवाय आम्ही उत्तर देऊ शकत नाही."),
        [ContactErrors.AgeInvalid] = new(
            "Enter an age in years, from 1 to 120.", "1 से 120 के बीच उम्र सालों में लिखें।", "1 ते 120 मधील वय वर्षांत लिहा."),
        [ContactErrors.ChoiceInvalid] = new("Choose one of the answers.", "दिए गए उत्तरों में से एक चुनें।", "दिलेल्या उत्तरांपैकी एक निवडा."),
        [ContactErrors.FormExpired] = new(
            "This form has expired. Please press Send again.",
            "यह फ़ॉर्म पुराना हो गया है। कृपया फिर से 'भेजें' दबाएँ।",
            "हा फॉर्म कालबाह्य झाला आहे. कृपया पुन्हा 'पाठवा' दाबा."),
    };

    public static Phrase Of(FaceSide side) => side switch
    {
        FaceSide.Left => Left,
        FaceSide.Right => Right,
        FaceSide.Both => BothSides,
        FaceSide.NotSure => NotSure,
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static Phrase Of(OnsetArea area) => area switch
    {
        OnsetArea.AroundEye => AroundEye,
        OnsetArea.LowerFace => LowerFace,
        OnsetArea.NotSure => NotSure,
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    public static Phrase Of(Answer answer) => answer switch
    {
        Answer.Yes => Yes,
        Answer.No => No,
        Answer.NotSure => NotSure,
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    public static Phrase Of(SymptomDuration duration) => duration switch
    {
        SymptomDuration.LessThan6Months => LessThan6Months,
        SymptomDuration.SixTo12Months => SixTo12Months,
        SymptomDuration.OneTo5Years => OneTo5Years,
        SymptomDuration.MoreThan5Years => MoreThan5Years,
        SymptomDuration.NotSure => NotSure,
        _ => throw new ArgumentOutOfRangeException(nameof(duration), duration, null),
    };

    public static Phrase Of(ToxinHistory toxin) => toxin switch
    {
        ToxinHistory.Never => ToxinNever,
        ToxinHistory.Within3Months => ToxinWithin3Months,
        ToxinHistory.ThreeTo12Months => ToxinThreeTo12Months,
        ToxinHistory.MoreThan12Months => ToxinMoreThan12Months,
        ToxinHistory.NotSure => NotSure,
        _ => throw new ArgumentOutOfRangeException(nameof(toxin), toxin, null),
    };
}

/// <summary>The keys of the form's validation messages (see <see cref="ContactText.Errors"/>).</summary>
public static class ContactErrors
{
    public const string NameRequired = "name-required";
    public const string NameTooLong = "name-too-long";
    public const string EmailRequired = "email-required";
    public const string EmailInvalid = "email-invalid";
    public const string EmailTooLong = "email-too-long";
    public const string MobileInvalid = "mobile-invalid";
    public const string MessageRequired = "message-required";
    public const string MessageTooLong = "message-too-long";
    public const string ConsentRequired = "consent-required";
    public const string AgeInvalid = "age-invalid";
    public const string ChoiceInvalid = "choice-invalid";
    public const string FormExpired = "form-expired";
}
