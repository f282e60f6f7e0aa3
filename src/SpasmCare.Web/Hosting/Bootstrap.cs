using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.PublicSite;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Hosting.Demo;

namespace SpasmCare.Web.Hosting;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed synthetic sites, staff and patients into an empty database (turn off with --no-demo).</summary>
    public bool Seed { get; set; } = true;

    public int Patients { get; set; } = 300;
}

/// <summary>
/// First start: roles, the admin account (its one-time password is written once to the console, never to a log),
/// and, unless turned off, synthetic demo data.
/// </summary>
public static class Bootstrap
{
    public static async Task BootstrapAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }

        await Features.Assessments.InstrumentSeed.EnsureBuiltInsAsync(sp, ct);
        await Features.PublicSite.ContentSeed.EnsurePagesAsync(sp, ct);
        await Features.Toxin.ToxinProductSeed.EnsureProductsAsync(sp, ct);
        await Features.Scheduling.AppointmentTypeSeed.EnsureTypesAsync(sp, ct);
        await Features.Messaging.MessageTemplateSeed.EnsureAsync(sp, ct);

        var db = sp.GetRequiredService<SpasmCareDbContext>();
        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var accounts = new List<(string User, string Role, string Password)>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var time = sp.GetRequiredService<TimeProvider>();
        accounts.Add(("admin", Roles.Admin, await CreateAsync(users, time, "admin", "Administrator", Roles.Admin)));

        var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Seed && !await db.Patients.AnyAsync(ct))
        {
            var sites = await SeedSitesAsync(db, ct);
            foreach (var (user, name, role) in new[]
                     {
                         ("dr.mehta", "Dr Anjali Mehta", Roles.Doctor),
                ("dr.rao", "Dr Vikram Rao", Roles.Doctor),
                         ("nurse.patil", "Sunita Patil", Roles.Nurse),
                         ("desk.khan", "Imran Khan", Roles.FrontDesk),
                     })
            {
                accounts.Add((user, role, await CreateAsync(users, time, user, name, role)));
            }

            foreach (var user in await db.Users.ToListAsync(ct))
            {
                db.UserSites.AddRange(sites.Select(s => new UserSite { UserId = user.Id, SiteId = s.Id }));
            }

            await db.SaveChangesAsync(ct);
            await SeedPatientsAsync(sp, demo.Patients, seed: 20261124, ct);
            await SeedClinicalHistoriesAsync(sp, sites[0].Id, ct);
            await SeedToxinAsync(sp, sites[0].Id, ct);
            await SeedSurgeryAsync(sp, sites.Where(s => s.HasOperatingTheatre).ToList(), ct);
            await SeedPublicProfilesAsync(db, sites, ct);
            await SyntheticInquiries.SeedAsync(sp, ct);
            await SeedScheduleAsync(sp, sites, ct);
        }

        PrintAccounts(accounts, demo.Seed);
    }

    /// <summary>The demo doctor's public profile and the sites' hours, so that the public Doctors page has content.</summary>
    private static async Task SeedPublicProfilesAsync(SpasmCareDbContext db, List<Site> sites, CancellationToken ct)
    {
        var doctor = new DoctorProfile
        {
            Name = "Dr Anjali Mehta",
            Qualifications = "MBBS, MD (Medicine), DM (Neurology) — synthetic demo profile",
            BioMarkdown = "Neurologist with a special interest in **hemifacial spasm** and other facial movement disorders. " +
                "Sees patients at the clinic in Dadar and reviews patients before and after microvascular decompression " +
                "at the partner hospitals. *This profile is demo data.*",
            LanguagesSpoken = "English, Hindi, Marathi",
            IsPublished = true,
        };
        doctor.Sites.AddRange(sites.Select(s => new DoctorProfileSite { DoctorProfileId = doctor.Id, SiteId = s.Id }));
        db.DoctorProfiles.Add(doctor);
        db.SiteProfiles.AddRange(sites.Select(s => new SiteProfile
        {
            SiteId = s.Id,
            OpeningHours = s.Kind == SiteKind.Clinic ? "Monday to Saturday, 9:30 to 18:00" : "By appointment with the clinic",
            Directions = s.Kind == SiteKind.Clinic
                ? "Five minutes' walk from Dadar station (west). Lift to the 2nd floor. (Synthetic demo address.)"
                : "Ask at the main reception for the neurosurgery department. (Synthetic demo address.)",
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Visits, examinations, scales, imaging and diagnoses for some of the demo patients.</summary>
    private static async Task SeedClinicalHistoriesAsync(IServiceProvider sp, Guid clinicSiteId, CancellationToken ct)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var doctor = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dr.mehta", ct);
        var nurse = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "nurse.patil", ct);
        var staff = new SyntheticAssessments.Staff(doctor.Id, doctor.DisplayName, nurse.Id, nurse.DisplayName);
        await SyntheticAssessments.SeedAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(),
            scope.ServiceProvider.GetRequiredService<ClinicTime>(), clinicSiteId, staff, patients: 40, seed: 20261130, ct);
    }

    /// <summary>Botulinum toxin cycles at the clinic, with their vials, reviews, a recalled lot and the clinic's stock.</summary>
    private static async Task SeedToxinAsync(IServiceProvider sp, Guid clinicSiteId, CancellationToken ct)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var doctor = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dr.mehta", ct);
        var nurse = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "nurse.patil", ct);
        var staff = new SyntheticToxin.Staff(doctor.Id, doctor.DisplayName, nurse.Id, nurse.DisplayName);
        await SyntheticToxin.SeedAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(),
            scope.ServiceProvider.GetRequiredService<ClinicTime>(), clinicSiteId, staff, patients: 60, seed: 20261202, ct);
    }

    /// <summary>Microvascular decompression cases at the partner hospitals, operated by the demo neurosurgeon.</summary>
    private static async Task SeedSurgeryAsync(IServiceProvider sp, IReadOnlyList<Site> hospitals, CancellationToken ct)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
        var surgeon = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dr.rao", ct);
        var referrer = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dr.mehta", ct);
        var team = new SyntheticSurgery.Team(surgeon.Id, surgeon.DisplayName, referrer.Id, referrer.DisplayName);
        await SyntheticSurgery.SeedAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(),
            scope.ServiceProvider.GetRequiredService<ClinicTime>(), hospitals, team, cases: 36, seed: 20261201, ct);
    }

    /// <summary>Practitioners, rooms, theatres, availability, holidays and a full calendar for this week and the next.</summary>
    private static async Task SeedScheduleAsync(IServiceProvider sp, IReadOnlyList<Site> sites, CancellationToken ct)
    {
        await using var scope = sp.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SpasmCareDbContext>();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName ?? "", ct);
        var staff = new SyntheticSchedule.Staff(users["dr.mehta"].Id, users["dr.rao"].Id, users["dr.rao"].DisplayName, users["nurse.patil"].Id,
            users["desk.khan"].Id);
        await SyntheticSchedule.SeedAsync(db, services.GetRequiredService<AuditLog>(), services.GetRequiredService<Features.Messaging.AppointmentReminders>(),
            services.GetRequiredService<ClinicTime>(), services.GetRequiredService<TimeProvider>(), sites, staff, seed: 20261207, ct);
    }

    private static async Task<string> CreateAsync(UserManager<AppUser> users, TimeProvider time, string userName, string name, string role)
    {
        var password = OneTimePassword.Generate();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = name,
            MustChangePassword = true,
            CreatedAtUtc = Clock.UtcNow(time),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first accounts: " +
                string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return password;
    }

    private static async Task<List<Site>> SeedSitesAsync(SpasmCareDbContext db, CancellationToken ct)
    {
        List<Site> sites =
        [
            new() { Name = "SpasmCare Clinic, Dadar", Kind = SiteKind.Clinic, Address = "2nd floor, 14 Gokhale Road (synthetic)", City = "Mumbai", PinCode = "400028", Phone = "+91 22 5550 0101" },
            new() { Name = "Lakeside Hospital, Powai", Kind = SiteKind.Hospital, HasOperatingTheatre = true, Address = "Lake Road (synthetic)", City = "Mumbai", PinCode = "400076", Phone = "+91 22 5550 0202" },
            new() { Name = "Sahyadri General Hospital, Pune", Kind = SiteKind.Hospital, HasOperatingTheatre = true, Address = "Karve Road (synthetic)", City = "Pune", PinCode = "411004", Phone = "+91 20 5550 0303" },
        ];
        db.Sites.AddRange(sites);
        await db.SaveChangesAsync(ct);
        return sites;
    }

    /// <summary>Registers synthetic patients in batches, each with its revision and audit row.</summary>
    public static async Task SeedPatientsAsync(IServiceProvider sp, int count, int seed, CancellationToken ct)
    {
        var time = sp.GetRequiredService<TimeProvider>();
        var clock = sp.GetRequiredService<ClinicTime>();
        var notice = sp.GetRequiredService<IOptions<ConsentOptions>>().Value.NoticeVersion;
        var scopes = sp.GetRequiredService<IServiceScopeFactory>();
        var inputs = SyntheticPatients.Generate(seed, count, clock.Today).ToList();
        var system = new SystemUser();
        foreach (var batch in inputs.Chunk(2000))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SpasmCareDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var input in batch)
            {
                var now = Clock.UtcNow(time);
                var mrn = PatientFormats.FormatMrn(await db.NextAsync(Counter.Mrn, ct));
                var patient = Patient.Register(mrn, input, notice, now, null);
                patient.Version = Guid.CreateVersion7();
                db.Patients.Add(patient);
                db.PatientRevisions.Add(PatientRevision.Of(patient, PatientChange.Registered, now, system));
                audit.Record(AuditAction.PatientRegistered, "Patient", patient.Id.ToString(), patient.Id, detail: "synthetic demo data");
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static void PrintAccounts(List<(string User, string Role, string Password)> accounts, bool demo)
    {
        // Written to the console only, once: these passwords must never reach a log file.
        var lines = new List<string>
        {
            "",
            "==================================================================",
            " SpasmCare first start: one-time passwords (shown once, never again)",
            " Each account must choose a new password at first sign-in.",
            "",
        };
        lines.AddRange(accounts.Select(a => $"   {a.User,-14} {Roles.Label(a.Role),-11} {a.Password}"));
        if (demo)
        {
            lines.Add("");
            lines.Add(" Demo data: 3 sites and synthetic patients (start with --no-demo for none).");
        }

        lines.Add("==================================================================");
        lines.Add("");
        Console.Out.Write(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }

    private sealed class SystemUser : ICurrentUser
    {
        public Guid? UserId => null;
        public string Name => "system";
    }
}
