namespace SpasmCare.Web.Features.Users;

/// <summary>What an admin sets on a staff account.</summary>
public class UserInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the person's name as colleagues know it.")]
    [StringLength(AppUser.DisplayNameMax, ErrorMessage = "The name can be at most {1} characters.")]
    [Display(Name = "Full name")]
    public string DisplayName { get; set; } = "";

    [StringLength(254, ErrorMessage = "The email address can be at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Roles")] public List<string> Roles { get; set; } = [];

    [Display(Name = "Sites")] public List<Guid> SiteIds { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Roles.Count == 0)
        {
            yield return new ValidationResult("Choose at least one role.", [nameof(Roles)]);
        }

        if (Roles.Any(r => !Security.Roles.All.Contains(r)))
        {
            yield return new ValidationResult("Choose roles from the list.", [nameof(Roles)]);
        }
    }
}
