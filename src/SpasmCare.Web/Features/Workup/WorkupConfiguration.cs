using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Features.Workup;

public sealed class ImagingStudyConfiguration : IEntityTypeConfiguration<ImagingStudy>
{
    public void Configure(EntityTypeBuilder<ImagingStudy> builder)
    {
        builder.HasIndex(i => new { i.PatientId, i.StudyDate });
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PatientDocument>().WithMany().HasForeignKey(i => i.ReportDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}

public sealed class PatientDocumentConfiguration : IEntityTypeConfiguration<PatientDocument>
{
    public void Configure(EntityTypeBuilder<PatientDocument> builder)
    {
        builder.HasIndex(d => d.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ElectrophysiologyStudyConfiguration : IEntityTypeConfiguration<ElectrophysiologyStudy>
{
    public void Configure(EntityTypeBuilder<ElectrophysiologyStudy> builder)
    {
        builder.HasIndex(e => new { e.PatientId, e.StudyDate });
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.LateralSpreadLatencyMs).HasPrecision(7, 2);
        builder.Property(e => e.LateralSpreadAmplitudeUv).HasPrecision(9, 2);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}

public sealed class PatientDiagnosisConfiguration : IEntityTypeConfiguration<PatientDiagnosis>
{
    public void Configure(EntityTypeBuilder<PatientDiagnosis> builder)
    {
        builder.ToTable("Diagnoses");
        builder.HasIndex(d => new { d.PatientId, d.IsCurrent });
        builder.HasOne<Patient>().WithMany().HasForeignKey(d => d.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
