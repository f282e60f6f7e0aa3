using SpasmCare.Web.Errors;
using SpasmCare.Web.Features.Sites;

namespace SpasmCare.Web.Features.Scheduling;

/// <summary>
/// Add or edit a schedule resource (admin): a practitioner (a staff doctor or nurse who signs in, or an outside
/// practitioner by name, such as a hospital's anaesthetist), a room at a site, or a theatre at a hospital with an
/// operating theatre. Resources are never deleted; an admin makes them inactive, and only once nothing is booked on them.
/// </summary>
public static class SaveResource
{
    public sealed class Request : IValidatableObject
    {
        [EnumDataType(typeof(ResourceKind), ErrorMessage = "Choose a practitioner, room or theatre.")]
        public ResourceKind Kind { get; set; }

        [Display(Name = "Staff member")]
        public Guid? UserId { get; set; }

        [StringLength(ScheduleResource.NameMax, ErrorMessage = "The name can be at most {1} characters.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [EnumDataType(typeof(PractitionerRole), ErrorMessage = "Choose doctor, anaesthetist or nurse.")]
        [Display(Name = "Role")]
        public PractitionerRole? Role { get; set; }

        [Display(Name = "Site")]
        public Guid? SiteId { get; set; }

        [Display(Name = "Active")] public bool IsActive { get; set; } = true;

        public Guid? Version { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Kind == ResourceKind.Practitioner)
            {
                if (UserId is null && string.IsNullOrWhiteSpace(Name))
                {
                    yield return new ValidationResult("Choose a staff member, or enter the name of an outside practitioner.", [nameof(Name)]);
                }

                if (Role is null)
                {
                    yield return new ValidationResult("Choose the practitioner's role.", [nameof(Role)]);
                }
            }
            else
            {
                if (string.IsNullOrWhiteSpace(Name))
                {
                    yield return new ValidationResult(Kind == ResourceKind.Room ? "Enter the room's name." : "Enter the theatre's name.", [nameof(Name)]);
                }

                if (SiteId is null)
                {
                    yield return new ValidationResult("Choose the site.", [nameof(SiteId)]);
                }
            }
        }

        public static Request From(ScheduleResource r) => new()
        {
            Kind = r.Kind, UserId = r.UserId, Name = r.Name, Role = r.Role, SiteId = r.SiteId, IsActive = r.IsActive, Version = r.Version,
        };
    }

    /// <summary>Staff members who can be a practitioner in the schedule: active doctors and nurses.</summary>
    public sealed record StaffOption(Guid Id, string Name, string Role);

    public static async Task<List<StaffOption>> StaffAsync(SpasmCareDbContext db, CancellationToken ct) =>
        await (from user in db.Users
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where user.IsActive && (role.Name == Roles.Doctor || role.Name == Roles.Nurse)
               orderby user.DisplayName
               select new StaffOption(user.Id, user.DisplayName, role.Name!)).ToListAsync(ct);

    public sealed class Handler(SpasmCareDbContext db, AuditLog audit, TimeProvider time)
    {
        public async Task<ScheduleResource?> HandleAsync(Guid? id, Request request, CancellationToken ct)
        {
            ScheduleResource? resource;
            if (id is null)
            {
                resource = new ScheduleResource { Kind = request.Kind };
            }
            else
            {
                resource = await db.ScheduleResources.FirstOrDefaultAsync(r => r.Id == id, ct);
                if (resource is null)
                {
                    return null;
                }

                if (request.Version != resource.Version)
                {
                    throw new RuleException("conflict", "Someone else changed this resource while you were editing. Reload the page and apply your change again.");
                }
            }

            if (resource.Kind == ResourceKind.Practitioner)
            {
                await ApplyPractitionerAsync(resource, request, ct);
            }
            else
            {
                await ApplyPlaceAsync(resource, request, id is null, ct);
            }

            if (!request.IsActive && resource.IsActive)
            {
                await EnsureNothingBookedAsync(resource.Id, ct);
            }

            resource.IsActive = request.IsActive;
            if (id is null)
            {
                db.ScheduleResources.Add(resource);
            }

            audit.Record(id is null ? AuditAction.ScheduleResourceCreated : AuditAction.ScheduleResourceUpdated, "ScheduleResource",
                resource.Id.ToString(), detail: resource.Kind + (resource.IsActive ? "" : ", inactive"));
            await db.SaveChangesAsync(ct);
            return resource;
        }

        private async Task ApplyPractitionerAsync(ScheduleResource resource, Request request, CancellationToken ct)
        {
            if (request.UserId is { } userId)
            {
                var staff = (await StaffAsync(db, ct)).FirstOrDefault(s => s.Id == userId);
                if (staff is null)
                {
                    throw new RuleException("not-staff", "Choose an active doctor or nurse.", nameof(Request.UserId));
                }

                if (await db.ScheduleResources.AnyAsync(r => r.UserId == userId && r.Id != resource.Id, ct))
                {
                    throw new RuleException("duplicate-practitioner", $"{staff.Name} is already in the schedule.", nameof(Request.UserId));
                }

                resource.UserId = userId;
                resource.Name = staff.Name;
            }
            else
            {
                resource.UserId = null;
                resource.Name = Normalise(request.Name!);
            }

            resource.Role = request.Role;
            resource.SiteId = null;
        }

        private async Task ApplyPlaceAsync(ScheduleResource resource, Request request, bool isNew, CancellationToken ct)
        {
            var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SiteId, ct);
            if (site is null || (!site.IsActive && (isNew || site.Id != resource.SiteId)))
            {
                throw new RuleException("site", "Choose an open site.", nameof(Request.SiteId));
            }

            if (resource.Kind == ResourceKind.Theatre && !(site.Kind == SiteKind.Hospital && site.HasOperatingTheatre))
            {
                throw new RuleException("no-theatre", $"{site.Name} is not a hospital with an operating theatre.", nameof(Request.SiteId));
            }

            var name = Normalise(request.Name!);
            var kind = resource.Kind;
            var others = await db.ScheduleResources.AsNoTracking()
                .Where(r => r.Kind == kind && r.SiteId == site.Id && r.Id != resource.Id).Select(r => r.Name).ToListAsync(ct);
            if (others.Any(o => string.Equals(Normalise(o), name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new RuleException("duplicate-name", $"{site.Name} already has a {kind.ToString().ToLowerInvariant()} with this name.", nameof(Request.Name));
            }

            resource.Name = name;
            resource.SiteId = site.Id;
            resource.Role = null;
            resource.UserId = null;
        }

        private async Task EnsureNothingBookedAsync(Guid resourceId, CancellationToken ct)
        {
            var now = Clock.UtcNow(time);
            var booked = await db.Appointments.CountAsync(a =>
                (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn) && a.EndUtc > now &&
                (a.PractitionerId == resourceId || a.RoomId == resourceId || a.TheatreId == resourceId || a.AnaesthetistId == resourceId), ct);
            if (booked > 0)
            {
                throw new RuleException("still-booked",
                    $"It still has {booked} upcoming appointment{(booked == 1 ? "" : "s")}. Move or cancel them before making it inactive.",
                    nameof(Request.IsActive));
            }
        }
    }

    /// <summary>Trimmed, inner spaces collapsed (as theatre names are compared with MVD bookings).</summary>
    public static string Normalise(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
