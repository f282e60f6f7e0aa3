namespace SpasmCare.Web.Features.PublicSite;

/// <summary>One page of the public site in one language: Markdown written by an admin, sanitised when shown.</summary>
public sealed class ContentPage : IVersioned
{
    public const int SlugMax = 60;
    public const int TitleMax = 120;
    public const int MetaDescriptionMax = 300;
    public const int MarkdownMax = 40_000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    [StringLength(SlugMax)] public string Slug { get; set; } = "";

    /// <summary>en, hi or mr.</summary>
    [StringLength(2)] public string Language { get; set; } = "en";

    [StringLength(TitleMax)] public string Title { get; set; } = "";
    [StringLength(MetaDescriptionMax)] public string MetaDescription { get; set; } = "";
    [StringLength(MarkdownMax)] public string Markdown { get; set; } = "";

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>A doctor as the public sees them. Only published profiles are shown.</summary>
public sealed class DoctorProfile : IVersioned
{
    public const int NameMax = 100;
    public const int QualificationsMax = 200;
    public const int BioMax = 8_000;
    public const int LanguagesMax = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    [StringLength(NameMax)] public string Name { get; set; } = "";
    [StringLength(QualificationsMax)] public string Qualifications { get; set; } = "";
    [StringLength(BioMax)] public string BioMarkdown { get; set; } = "";

    /// <summary>Languages spoken, as the public should read them ("English, Hindi, Marathi").</summary>
    [StringLength(LanguagesMax)] public string LanguagesSpoken { get; set; } = "";

    public bool IsPublished { get; set; }
    public int SortOrder { get; set; }
    public List<DoctorProfileSite> Sites { get; } = [];

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>A site where a doctor sees patients.</summary>
public sealed class DoctorProfileSite
{
    public Guid DoctorProfileId { get; set; }
    public Guid SiteId { get; set; }
}

/// <summary>What the public needs to find a site: opening hours and directions (name, address and phone stay on Site).</summary>
public sealed class SiteProfile : IVersioned
{
    public const int OpeningHoursMax = 500;
    public const int DirectionsMax = 1_000;

    public Guid SiteId { get; set; }
    [StringLength(OpeningHoursMax)] public string OpeningHours { get; set; } = "";
    [StringLength(DirectionsMax)] public string Directions { get; set; } = "";

    public Guid Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
