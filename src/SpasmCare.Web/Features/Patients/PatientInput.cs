namespace SpasmCare.Web.Features.Patients;

/// <summary>The demographics a receptionist enters, shared by registration, editing and the JSON API.</summary>
public sealed class PatientInput : IValidatableObject
{
    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int AddressMax = 200;
    public const int CityMax = 100;
    public const int StateMax = 100;
    public const int RelationshipMax = 50;
    public const int AbhaAddressMax = 50;

    [Required(ErrorMessage = "Enter the patient's given (first) name.")]
    [StringLength(NameMax, ErrorMessage = "The given name can be at most {1} characters.")]
    [Display(Name = "Given name")]
    public string GivenName { get; set; } = "";

    [StringLength(NameMax, ErrorMessage = "The family name can be at most {1} characters.")]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [Required(ErrorMessage = "Choose the patient's sex.")]
    [EnumDataType(typeof(Sex), ErrorMessage = "Choose the patient's sex from the list.")]
    [Display(Name = "Sex")]
    public Sex? Sex { get; set; }

    [Required(ErrorMessage = "Enter the date of birth.")]
    [Display(Name = "Date of birth")]
    public DateOnly? BirthDate { get; set; }

    [Required(ErrorMessage = "Enter a mobile number.")]
    [StringLength(20, ErrorMessage = "The mobile number can be at most {1} characters.")]
    [IndianMobile]
    [Display(Name = "Mobile")]
    public string? Mobile { get; set; }

    [StringLength(EmailMax, ErrorMessage = "The email address can be at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(AddressMax, ErrorMessage = "Each address line can be at most {1} characters.")]
    [Display(Name = "Address line 1")]
    public string? AddressLine1 { get; set; }

    [StringLength(AddressMax, ErrorMessage = "Each address line can be at most {1} characters.")]
    [Display(Name = "Address line 2")]
    public string? AddressLine2 { get; set; }

    [StringLength(CityMax, ErrorMessage = "The city can be at most {1} characters.")]
    [Display(Name = "City / town")]
    public string? City { get; set; }

    [StringLength(StateMax, ErrorMessage = "The state can be at most {1} characters.")]
    [Display(Name = "State")]
    public string? State { get; set; }

    [StringLength(6, ErrorMessage = "The PIN code has 6 digits.")]
    [PinCode]
    [Display(Name = "PIN code")]
    public string? PinCode { get; set; }

    [EnumDataType(typeof(Language), ErrorMessage = "Choose a language from the list.")]
    [Display(Name = "Preferred language")]
    public Language PreferredLanguage { get; set; }

    [StringLength(20, ErrorMessage = "The ABHA number has 14 digits.")]
    [AbhaNumber]
    [Display(Name = "ABHA number")]
    public string? AbhaNumber { get; set; }

    [StringLength(AbhaAddressMax, ErrorMessage = "The ABHA address can be at most {1} characters.")]
    [AbhaAddress]
    [Display(Name = "ABHA address")]
    public string? AbhaAddress { get; set; }

    [StringLength(NameMax, ErrorMessage = "The contact's name can be at most {1} characters.")]
    [Display(Name = "Emergency contact name")]
    public string? EmergencyContactName { get; set; }

    [StringLength(RelationshipMax, ErrorMessage = "The relationship can be at most {1} characters.")]
    [Display(Name = "Relationship")]
    public string? EmergencyContactRelationship { get; set; }

    [StringLength(20, ErrorMessage = "The contact's mobile can be at most {1} characters.")]
    [IndianMobile]
    [Display(Name = "Emergency contact mobile")]
    public string? EmergencyContactPhone { get; set; }

    [Display(Name = "Agrees to be contacted by phone, SMS or email about their care")]
    public bool ContactConsent { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var time = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(5.5));
        if (BirthDate is { } birth)
        {
            if (birth > today)
            {
                yield return new ValidationResult("The date of birth cannot be in the future.", [nameof(BirthDate)]);
            }
            else if (birth < today.AddYears(-125))
            {
                yield return new ValidationResult("Check the date of birth: it is more than 125 years ago.", [nameof(BirthDate)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(EmergencyContactPhone) && string.IsNullOrWhiteSpace(EmergencyContactName))
        {
            yield return new ValidationResult("Enter the emergency contact's name as well as their mobile.", [nameof(EmergencyContactName)]);
        }

        if (string.IsNullOrWhiteSpace(GivenName) || PatientFormats.NameTerms(GivenName, FamilyName).Count == 0)
        {
            yield return new ValidationResult("The name must contain at least one letter.", [nameof(GivenName)]);
        }
    }
}
