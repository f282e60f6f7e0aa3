using SpasmCare.Web.Errors;

namespace SpasmCare.Web.Features.PublicSite;

/// <summary>Create or edit a doctor's public profile (admin).</summary>
public static class SaveDoctorProfile
{
    public sealed class Request
    {
        [Required(ErrorMessage = "Enter the doctor's name.")]
        [StringLength(DoctorProfile.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [StringLength(DoctorProfile.QualificationsMax, ErrorMessage = "The qualifications can be at most {1} characters.")]
        [Display(Name = "Qualifications")]
        public string? Qualifications { get; set; }

        [StringLength(DoctorProfile.BioMax, ErrorMessage = "The profile can be at most {1} characters.")]
        [Display(Name = "Profile (Markdown)")]
        public string? BioMarkdown { get; set; }

        [StringLength(DoctorProfile.LanguagesMax, ErrorMessage = "The languages can be at most {1} characters.")]
        [Display(Name = "Languages spoken")]
        public string? LanguagesSpoken { get; set; }

        [Range(0, 999, ErrorMessage = "Enter a number from 0 to 999.")]
        [Display(Name = "Order on the page")]
        public int SortOrder { get; set; }

        [Display(Name = "Show on the public site")] public bool IsPublished { get; set; }

        public List<Guid> SiteIds { get; set; } = [];

        public Guid? Version { get; set; }

        public static Request From(DoctorProfile d) => new()
        {
            Name = d.Name, Qualifications = d.Qualifications, BioMarkdown = d.BioMarkdown, LanguagesSpoken = d.LanguagesSpoken,
            SortOrder = d.SortOrder, IsPublished = d.IsPublished, SiteIds = d.Sites.Select(s => s.SiteId).ToList(), Version = d.Version,
        };
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<DoctorProfile?> HandleAsync(Guid? id, Request request, CancellationToken ct)
        {
            var siteIds = request.SiteIds.Distinct().ToList();
            var known = await db.Sites.CountAsync(s => siteIds.Contains(s.Id), ct);
            if (known != siteIds.Count)
            {
                throw new RuleException("unknown-site", "Choose sites from the list.", nameof(Request.SiteIds));
            }

            DoctorProfile? doctor;
            if (id is null)
            {
                doctor = new DoctorProfile();
                db.DoctorProfiles.Add(doctor);
            }
            else
            {
                doctor = await db.DoctorProfiles.Include(d => d.Sites).FirstOrDefaultAsync(d => d.Id == id, ct);
                if (doctor is null)
                {
                    return null;
                }

                if (request.Version != doctor.Version)
                {
                    throw new RuleException("conflict", "Someone else changed this profile while you were editing. Reload the page and apply your change again.");
                }
            }

            doctor.Name = request.Name.Trim();
            doctor.Qualifications = request.Qualifications?.Trim() ?? "";
            doctor.BioMarkdown = (request.BioMarkdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
            doctor.LanguagesSpoken = request.LanguagesSpoken?.Trim() ?? "";
            doctor.SortOrder = request.SortOrder;
            doctor.IsPublished = request.IsPublished;
            doctor.Sites.RemoveAll(s => !siteIds.Contains(s.SiteId));
            doctor.Sites.AddRange(siteIds.Where(s => doctor.Sites.TrueForAll(x => x.SiteId != s))
                .Select(s => new DoctorProfileSite { DoctorProfileId = doctor.Id, SiteId = s }));
            audit.Record(id is null ? AuditAction.DoctorProfileCreated : AuditAction.DoctorProfileUpdated, "DoctorProfile", doctor.Id.ToString());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleException("conflict", "Someone else changed this profile while you were editing. Reload the page and apply your change again.");
            }

            return doctor;
        }
    }
}

/// <summary>Edit a site's opening hours and directions for the public site (admin).</summary>
public static class SaveSiteProfile
{
    public sealed class Request
    {
        [StringLength(SiteProfile.OpeningHoursMax, ErrorMessage = "The opening hours can be at most {1} characters.")]
        [Display(Name = "Opening hours")]
        public string? OpeningHours { get; set; }

        [StringLength(SiteProfile.DirectionsMax, ErrorMessage = "The directions can be at most {1} characters.")]
        [Display(Name = "Directions")]
        public string? Directions { get; set; }

        public Guid? Version { get; set; }
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<bool> HandleAsync(Guid siteId, Request request, CancellationToken ct)
        {
            if (!await db.Sites.AnyAsync(s => s.Id == siteId, ct))
            {
                return false;
            }

            var profile = await db.SiteProfiles.FirstOrDefaultAsync(p => p.SiteId == siteId, ct);
            if (profile is null)
            {
                profile = new SiteProfile { SiteId = siteId };
                db.SiteProfiles.Add(profile);
            }
            else if (request.Version != profile.Version)
            {
                throw new RuleException("conflict", "Someone else changed these details while you were editing. Reload the page and apply your change again.");
            }

            profile.OpeningHours = request.OpeningHours?.Trim() ?? "";
            profile.Directions = request.Directions?.Trim() ?? "";
            audit.Record(AuditAction.SiteProfileUpdated, "Site", siteId.ToString());
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}

public static class PublicSiteSetup
{
    public static IServiceCollection AddPublicSite(this IServiceCollection services)
    {
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<SaveContentPage.Handler>();
        services.AddScoped<SaveDoctorProfile.Handler>();
        services.AddScoped<SaveSiteProfile.Handler>();
        return services;
    }
}
