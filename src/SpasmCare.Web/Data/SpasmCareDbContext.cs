using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.FollowUps;
using SpasmCare.Web.Features.Inquiries;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Features.Patients;
using SpasmCare.Web.Features.PublicSite;
using SpasmCare.Web.Features.Recall;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Surgery;
using SpasmCare.Web.Features.Toxin;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Web.Data;

/// <summary>
/// The one model. Provider-specific subclasses exist only to keep a migration set per provider. Saving audit rows
/// links them into the hash chain inside the same transaction as the change they describe.
/// </summary>
public class SpasmCareDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<PatientNameTerm> PatientNameTerms => Set<PatientNameTerm>();
    public DbSet<PatientRevision> PatientRevisions => Set<PatientRevision>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<UserSite> UserSites => Set<UserSite>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AppSetting> Settings => Set<AppSetting>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Examination> Examinations => Set<Examination>();
    public DbSet<ScaleScore> ScaleScores => Set<ScaleScore>();
    public DbSet<InstrumentRecord> Instruments => Set<InstrumentRecord>();
    public DbSet<ImagingStudy> ImagingStudies => Set<ImagingStudy>();
    public DbSet<PatientDocument> PatientDocuments => Set<PatientDocument>();
    public DbSet<ElectrophysiologyStudy> ElectrophysiologyStudies => Set<ElectrophysiologyStudy>();
    public DbSet<PatientDiagnosis> Diagnoses => Set<PatientDiagnosis>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<InquiryNote> InquiryNotes => Set<InquiryNote>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ContentPage> ContentPages => Set<ContentPage>();
    public DbSet<DoctorProfile> DoctorProfiles => Set<DoctorProfile>();
    public DbSet<DoctorProfileSite> DoctorProfileSites => Set<DoctorProfileSite>();
    public DbSet<SiteProfile> SiteProfiles => Set<SiteProfile>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<ToxinProduct> ToxinProducts => Set<ToxinProduct>();
    public DbSet<ToxinVial> ToxinVials => Set<ToxinVial>();
    public DbSet<ToxinVialEntry> ToxinVialEntries => Set<ToxinVialEntry>();
    public DbSet<ToxinLotRecall> ToxinLotRecalls => Set<ToxinLotRecall>();
    public DbSet<InjectionSession> InjectionSessions => Set<InjectionSession>();
    public DbSet<InjectionPoint> InjectionPoints => Set<InjectionPoint>();
    public DbSet<InjectionReview> InjectionReviews => Set<InjectionReview>();
    public DbSet<ToxinAdverseEffect> ToxinAdverseEffects => Set<ToxinAdverseEffect>();
    public DbSet<ResistanceTest> ResistanceTests => Set<ResistanceTest>();
    public DbSet<MvdCase> MvdCases => Set<MvdCase>();
    public DbSet<MvdOperation> MvdOperations => Set<MvdOperation>();
    public DbSet<LsrReading> LsrReadings => Set<LsrReading>();
    public DbSet<MvdComplication> MvdComplications => Set<MvdComplication>();
    public DbSet<MvdFollowUp> MvdFollowUps => Set<MvdFollowUp>();
    public DbSet<ScheduleResource> ScheduleResources => Set<ScheduleResource>();
    public DbSet<WeeklyAvailability> WeeklyAvailabilities => Set<WeeklyAvailability>();
    public DbSet<AvailabilityException> AvailabilityExceptions => Set<AvailabilityException>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<AppointmentType> AppointmentTypes => Set<AppointmentType>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeedToken>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<ContactPreference> ContactPreferences => Set<ContactPreference>();
    public DbSet<RecallAction> RecallActions => Set<RecallAction>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SpasmCareDbContext).Assembly);

        builder.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(AppUser.DisplayNameMax);
            u.HasMany(x => x.Sites).WithOne().HasForeignKey(s => s.UserId);
        });
        builder.Entity<UserSite>(s =>
        {
            s.HasKey(x => new { x.UserId, x.SiteId });
            s.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApiToken>(t =>
        {
            t.HasIndex(x => x.SecretHash).IsUnique();
            t.HasIndex(x => x.UserId);
            t.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AppSetting>().HasKey(s => s.Key);
        builder.Entity<Counter>(c =>
        {
            c.HasKey(x => x.Name);
            c.Property(x => x.Name).HasMaxLength(50);
            c.HasData(new Counter { Name = Counter.Mrn, Value = 0 });
        });
    }

    /// <summary>Synchronous saves are left to framework code (data-protection keys); audit rows need the async path.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State != EntityState.Unchanged))
        {
            throw new NotSupportedException("Use SaveChangesAsync: audit rows are chained asynchronously.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        List<AuditEvent> added = [];
        foreach (var entry in ChangeTracker.Entries<AuditEvent>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    added.Add(entry.Entity);
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException("Audit events are append-only.");
                default:
                    break;
            }
        }

        if (added.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.AppendAsync(this, added, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.AppendAsync(this, added, cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>Takes the next number of a <see cref="Counter"/> atomically (SQLite 3.35+ and PostgreSQL).</summary>
    public async Task<long> NextAsync(string counter, CancellationToken ct)
    {
        var value = await Database.ScalarAsync(
            "UPDATE \"Counters\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = @name RETURNING \"Value\"", ct,
            ("@name", counter));
        return long.Parse(value ?? throw new InvalidOperationException($"Counter '{counter}' is missing."),
            System.Globalization.CultureInfo.InvariantCulture);
    }
}
