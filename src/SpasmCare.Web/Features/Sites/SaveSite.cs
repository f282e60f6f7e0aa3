using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Sites;

/// <summary>Create or edit a site (admin).</summary>
public static class SaveSite
{
    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Enter the site's name.")]
        [StringLength(Site.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [EnumDataType(typeof(SiteKind), ErrorMessage = "Choose clinic or hospital.")]
        [Display(Name = "Kind")]
        public SiteKind Kind { get; set; }

        [Display(Name = "Has an operating theatre")] public bool HasOperatingTheatre { get; set; }

        [Required(ErrorMessage = "Enter the address.")]
        [StringLength(Site.AddressMax, ErrorMessage = "The address can be at most {1} characters.")]
        [Display(Name = "Address")]
        public string Address { get; set; } = "";

        [Required(ErrorMessage = "Enter the city.")]
        [StringLength(Site.CityMax, ErrorMessage = "The city can be at most {1} characters.")]
        [Display(Name = "City")]
        public string City { get; set; } = "";

        [Required(ErrorMessage = "Enter the PIN code.")]
        [PinCode]
        [Display(Name = "PIN code")]
        public string PinCode { get; set; } = "";

        [Required(ErrorMessage = "Enter the phone number.")]
        [StringLength(Site.PhoneMax, ErrorMessage = "The phone number can be at most {1} characters.")]
        [RegularExpression(@"^\+?[0-9 ()-]{6,20}$", ErrorMessage = "Enter a phone number using digits, spaces, brackets or dashes.")]
        [Display(Name = "Phone")]
        public string Phone { get; set; } = "";

        [Required(ErrorMessage = "Enter the time zone.")]
        [StringLength(Site.TimeZoneMax)]
        [Display(Name = "Time zone")]
        public string TimeZoneId { get; set; } = Site.DefaultTimeZone;

        [Display(Name = "Active")] public bool IsActive { get; set; } = true;

        public Guid? Version { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId ?? "", out _))
            {
                yield return new ValidationResult("Choose a time zone from the list, such as Asia/Kolkata.", [nameof(TimeZoneId)]);
            }

            if (Kind == SiteKind.Clinic && HasOperatingTheatre)
            {
                yield return new ValidationResult("Only a hospital site can have an operating theatre.", [nameof(HasOperatingTheatre)]);
            }
        }

        public static Request From(Site s) => new()
        {
            Name = s.Name, Kind = s.Kind, HasOperatingTheatre = s.HasOperatingTheatre, Address = s.Address,
            City = s.City, PinCode = s.PinCode, Phone = s.Phone, TimeZoneId = s.TimeZoneId, IsActive = s.IsActive,
            Version = s.Version,
        };
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<Site?> HandleAsync(Guid? id, Request request, CancellationToken ct)
        {
            Site? site;
            var name = request.Name.Trim();
            if (await db.Sites.AnyAsync(s => s.Name == name && s.Id != id, ct))
            {
                throw new RuleException("duplicate-site", "Another site already has this name.", nameof(Request.Name));
            }

            if (id is null)
            {
                site = new Site();
                db.Sites.Add(site);
            }
            else
            {
                site = await db.Sites.FirstOrDefaultAsync(s => s.Id == id, ct);
                if (site is null)
                {
                    return null;
                }

                if (request.Version != site.Version)
                {
                    throw new RuleException("conflict", "Someone else changed this site while you were editing. Reload the page and apply your change again.");
                }
            }

            site.Name = name;
            site.Kind = request.Kind;
            site.HasOperatingTheatre = request.Kind == SiteKind.Hospital && request.HasOperatingTheatre;
            site.Address = request.Address.Trim();
            site.City = request.City.Trim();
            site.PinCode = request.PinCode.Trim();
            site.Phone = request.Phone.Trim();
            site.TimeZoneId = request.TimeZoneId.Trim();
            site.IsActive = request.IsActive;
            audit.Record(id is null ? AuditAction.SiteCreated : AuditAction.SiteUpdated, "Site", site.Id.ToString());
            await db.SaveChangesAsync(ct);
            return site;
        }
    }
}
