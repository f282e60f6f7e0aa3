using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SpasmCare.Web.Features.Patients;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Mrn).HasMaxLength(12);
        builder.HasIndex(p => p.Mrn).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(PatientInput.NameMax);
        builder.Property(p => p.FamilyName).HasMaxLength(PatientInput.NameMax);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Mobile).HasMaxLength(10);
        builder.HasIndex(p => p.Mobile);
        builder.Property(p => p.Email).HasMaxLength(PatientInput.EmailMax);
        builder.Property(p => p.AddressLine1).HasMaxLength(PatientInput.AddressMax);
        builder.Property(p => p.AddressLine2).HasMaxLength(PatientInput.AddressMax);
        builder.Property(p => p.City).HasMaxLength(PatientInput.CityMax);
        builder.Property(p => p.State).HasMaxLength(PatientInput.StateMax);
        builder.Property(p => p.PinCode).HasMaxLength(6);
        builder.Property(p => p.PreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.AbhaNumber).HasMaxLength(14);
        builder.HasIndex(p => p.AbhaNumber).IsUnique();
        builder.Property(p => p.AbhaAddress).HasMaxLength(PatientInput.AbhaAddressMax);
        builder.HasIndex(p => p.AbhaAddress).IsUnique();
        builder.Property(p => p.EmergencyContactName).HasMaxLength(PatientInput.NameMax);
        builder.Property(p => p.EmergencyContactRelationship).HasMaxLength(PatientInput.RelationshipMax);
        builder.Property(p => p.EmergencyContactPhone).HasMaxLength(10);
        builder.Property(p => p.ConsentNoticeVersion).HasMaxLength(20);
        builder.Property(p => p.StatusReason).HasMaxLength(PatientStatusLimits.ReasonMax);
        builder.Property(p => p.PossibleDuplicateOf).HasMaxLength(200);
        builder.HasIndex(p => p.BirthDate);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.NameTerms).WithOne().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PatientNameTermConfiguration : IEntityTypeConfiguration<PatientNameTerm>
{
    public void Configure(EntityTypeBuilder<PatientNameTerm> builder)
    {
        builder.HasKey(t => new { t.Term, t.PatientId });
        builder.Property(t => t.Term).HasMaxLength(PatientNameTerm.TermMax);
        builder.Property(t => t.SortName).HasMaxLength(PatientNameTerm.SortNameMax);
        builder.Property(t => t.Words).HasMaxLength(PatientNameTerm.WordsMax);
        builder.HasIndex(t => new { t.PatientId, t.Term });
        builder.HasIndex(t => new { t.Term, t.SortName, t.PatientId, t.Words });
    }
}

public sealed class PatientRevisionConfiguration : IEntityTypeConfiguration<PatientRevision>
{
    public void Configure(EntityTypeBuilder<PatientRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.PatientId, r.Version }).IsUnique();
        builder.Property(r => r.Change).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class PatientStatusLimits
{
    public const int ReasonMax = 500;
}
