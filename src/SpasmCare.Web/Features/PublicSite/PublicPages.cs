using SpasmCare.Web.Features.Inquiries;

namespace SpasmCare.Web.Features.PublicSite;

/// <summary>The public site's pages, their addresses and the navigation, in the visitor's language.</summary>
public static class PublicPages
{
    public const string Home = "home";
    public const string AboutHfs = "about-hfs";
    public const string Symptoms = "symptoms";
    public const string HfsVsBlepharospasm = "hfs-vs-blepharospasm";
    public const string Diagnosis = "diagnosis";
    public const string Treatments = "treatments";
    public const string Medicines = "medicines";
    public const string BotulinumToxin = "botulinum-toxin";
    public const string Surgery = "mvd-surgery";
    public const string Faq = "faq";

    /// <summary>Every content page, in the order an admin sees them.</summary>
    public static readonly IReadOnlyList<string> Slugs =
        [Home, AboutHfs, Symptoms, HfsVsBlepharospasm, Diagnosis, Treatments, Medicines, BotulinumToxin, Surgery, Faq];

    public static readonly IReadOnlyList<string> LanguageCodes = ["en", "hi", "mr"];

    public static bool IsKnown(string? slug) => slug is not null && Slugs.Contains(slug, StringComparer.Ordinal);

    /// <summary>The address of a content page: the home page at /Clinic, the others under it.</summary>
    public static string PathOf(string slug, Patients.Language language)
    {
        var path = slug == Home ? "/Clinic" : "/Clinic/" + slug;
        return path + "?lang=" + ContactLanguage.Code(language);
    }

    /// <summary>The section of the navigation a page belongs to (for aria-current).</summary>
    public static string SectionOf(string slug) => slug switch
    {
        AboutHfs or Symptoms or HfsVsBlepharospasm or Diagnosis => AboutHfs,
        Treatments or Medicines or BotulinumToxin or Surgery => Treatments,
        _ => slug,
    };
}

/// <summary>Words of the public information pages in English, Hindi and Marathi (see <see cref="ContactText"/>).</summary>
public static class PublicText
{
    public static readonly Phrase NavHome = new("Home", "मुख्य पृष्ठ", "मुख्यपृष्ठ");
    public static readonly Phrase NavAbout = new("About HFS", "एचएफ़एस के बारे में", "एचएफएसविषयी");
    public static readonly Phrase NavTreatments = new("Treatments", "उपचार", "उपचार");
    public static readonly Phrase NavDoctors = new("Doctors and sites", "डॉक्टर और केंद्र", "डॉक्टर आणि केंद्रे");
    public static readonly Phrase NavFaq = new("FAQ", "सामान्य प्रश्न", "नेहमीचे प्रश्न");
    public static readonly Phrase NavContactUs = new("Contact us", "संपर्क करें", "संपर्क करा");

    public static readonly Phrase NotTranslated = new(
        "This page is not yet available in English.",
        "This page is not yet available in Hindi; showing English.",
        "This page is not yet available in Marathi; showing English.");

    public static readonly Phrase DoctorsTitle = new("Doctors and sites", "डॉक्टर और केंद्र", "डॉक्टर आणि केंद्रे");
    public static readonly Phrase DoctorsDescription = new(
        "The doctors who treat hemifacial spasm at our practice, and where and when you can see them.",
        "हमारे डॉक्टर, और आप उनसे कहाँ और कब मिल सकते हैं।",
        "आमचे डॉक्टर, आणि तुम्ही त्यांना कुठे आणि केव्हा भेटू शकता.");
    public static readonly Phrase OurDoctors = new("Our doctors", "हमारे डॉक्टर", "आमचे डॉक्टर");
    public static readonly Phrase OurSites = new("Where we see patients", "हम कहाँ मिलते हैं", "आम्ही कुठे भेटतो");
    public static readonly Phrase NoDoctors = new("Doctor profiles will appear here soon.", "डॉक्टरों की जानकारी जल्द ही यहाँ होगी।", "डॉक्टरांची माहिती लवकरच येथे असेल.");
    public static readonly Phrase NoSites = new("Site details will appear here soon.", "केंद्रों की जानकारी जल्द ही यहाँ होगी।", "केंद्रांची माहिती लवकरच येथे असेल.");
    public static readonly Phrase LanguagesSpoken = new("Languages", "भाषाएँ", "भाषा");
    public static readonly Phrase SeesPatientsAt = new("Sees patients at", "यहाँ मिलते हैं", "येथे भेटतात");
    public static readonly Phrase Phone = new("Phone", "फ़ोन", "फोन");
    public static readonly Phrase OpeningHours = new("Opening hours", "खुलने का समय", "वेळ");
    public static readonly Phrase Directions = new("How to get there", "कैसे पहुँचें", "कसे पोहोचाल");
    public static readonly Phrase AskUs = new("Have a question? Ask us", "कोई प्रश्न? हमसे पूछें", "काही प्रश्न? आम्हाला विचारा");
}
