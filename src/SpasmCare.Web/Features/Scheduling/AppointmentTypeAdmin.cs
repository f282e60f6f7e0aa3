using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// Add or edit an appointment type (admin): its name, default length and what it needs. The code is fixed once made,
/// since other modules refer to types by code. Types are never deleted, only made inactive.
/// </summary>
public static class AppointmentTypeAdmin
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 12 * 60;

    public sealed class Request : IValidatableObject
    {
        [StringLength(AppointmentType.CodeMax, ErrorMessage = "The code can be at most {1} characters.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and dashes, such as botox-review.")]
        [Display(Name = "Code")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Enter the type's name.")]
        [StringLength(AppointmentType.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the default length in minutes.")]
        [Range(MinMinutes, MaxMinutes, ErrorMessage = "Enter a length from {1} to {2} minutes.")]
        [Display(Name = "Default length (minutes)")]
        public int? DefaultMinutes { get; set; }

        [Display(Name = "Needs a room")] public bool NeedsRoom { get; set; }
        [Display(Name = "Needs a theatre")] public bool NeedsTheatre { get; set; }
        [Display(Name = "Needs an anaesthetist")] public bool NeedsAnaesthetist { get; set; }
        [Display(Name = "Remote (video or phone)")] public bool IsRemote { get; set; }

        [EnumDataType(typeof(VisitType), ErrorMessage = "Choose a visit type.")]
        [Display(Name = "Starts a visit of type")]
        public VisitType? VisitType { get; set; }

        [Display(Name = "Active")] public bool IsActive { get; set; } = true;

        public Guid? Version { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (IsRemote && (NeedsRoom || NeedsTheatre))
            {
                yield return new ValidationResult("A remote appointment needs no room or theatre.", [nameof(IsRemote)]);
            }

            if (NeedsRoom && NeedsTheatre)
            {
                yield return new ValidationResult("Choose a room or a theatre, not both.", [nameof(NeedsTheatre)]);
            }
        }

        public static Request From(AppointmentType t) => new()
        {
            Code = t.Code, Name = t.Name, DefaultMinutes = t.DefaultMinutes, NeedsRoom = t.NeedsRoom, NeedsTheatre = t.NeedsTheatre,
            NeedsAnaesthetist = t.NeedsAnaesthetist, IsRemote = t.IsRemote, VisitType = t.VisitType, IsActive = t.IsActive, Version = t.Version,
        };
    }

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit)
    {
        public async Task<AppointmentType?> HandleAsync(Guid? id, Request request, CancellationToken ct)
        {
            AppointmentType? type;
            if (id is null)
            {
                if (string.IsNullOrWhiteSpace(request.Code))
                {
                    throw new RuleException("code", "Enter a code, such as botox-review.", nameof(Request.Code));
                }

                var code = request.Code.Trim();
                if (await db.AppointmentTypes.AnyAsync(t => t.Code == code, ct))
                {
                    throw new RuleException("duplicate-code", "Another type already has this code.", nameof(Request.Code));
                }

                type = new AppointmentType { Code = code };
                db.AppointmentTypes.Add(type);
            }
            else
            {
                type = await db.AppointmentTypes.FirstOrDefaultAsync(t => t.Id == id, ct);
                if (type is null)
                {
                    return null;
                }

                if (request.Version != type.Version)
                {
                    throw new RuleException("conflict", "Someone else changed this type while you were editing. Reload the page and apply your change again.");
                }
            }

            var name = request.Name.Trim();
            if (await db.AppointmentTypes.AnyAsync(t => t.Name == name && t.Id != type.Id, ct))
            {
                throw new RuleException("duplicate-name", "Another type already has this name.", nameof(Request.Name));
            }

            type.Name = name;
            type.DefaultMinutes = request.DefaultMinutes!.Value;
            type.NeedsRoom = request.NeedsRoom;
            type.NeedsTheatre = request.NeedsTheatre;
            type.NeedsAnaesthetist = request.NeedsAnaesthetist;
            type.IsRemote = request.IsRemote;
            type.VisitType = request.VisitType;
            type.IsActive = request.IsActive;
            audit.Record(id is null ? AuditAction.AppointmentTypeCreated : AuditAction.AppointmentTypeUpdated, "AppointmentType", type.Id.ToString(),
                detail: type.Code);
            await db.SaveChangesAsync(ct);
            return type;
        }
    }
}
