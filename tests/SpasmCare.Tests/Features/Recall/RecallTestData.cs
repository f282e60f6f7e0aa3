using Microsoft.EntityFrameworkCore;
using SpasmCare.Clinical.Diagnoses;
using SpasmCare.Clinical.Examination;
using SpasmCare.Clinical.Scales;
using SpasmCare.Tests.Infrastructure;
using SpasmCare.Web.Features.Assessments;
using SpasmCare.Web.Features.Scheduling;
using SpasmCare.Web.Features.Workup;

namespace SpasmCare.Tests.Features.Recall;

/// <summary>Appointments, diagnoses and scale scores written straight to the database for the recall-list tests.</summary>
public static class RecallTestData
{
    /// <summary>An appointment of <paramref name="typeCode"/> at 10:00 clinic time on <paramref name="localDate"/>, with a practitioner of its own.</summary>
    public static Task<Guid> AddAppointmentAsync(this AppFactory app, Guid patientId, Guid siteId, DateOnly localDate,
        AppointmentStatus status, string typeCode = "follow-up", string? sourceKey = null) =>
        app.WithDbAsync(async db =>
        {
            var practitioner = new ScheduleResource { Kind = ResourceKind.Practitioner, Name = TestData.UniqueWord("Dr "), Role = PractitionerRole.Doctor };
            db.ScheduleResources.Add(practitioner);
            var typeId = await db.AppointmentTypes.Where(t => t.Code == typeCode).Select(t => t.Id).SingleAsync();
            var start = ToxinHistoryTestData.At(localDate);
            var appointment = new Appointment
            {
                PatientId = patientId,
                TypeId = typeId,
                SiteId = siteId,
                PractitionerId = practitioner.Id,
                StartUtc = start,
                EndUtc = start.AddMinutes(15),
                Status = status,
                Source = sourceKey is null ? AppointmentSource.Desk : AppointmentSource.Recall,
                SourceKey = sourceKey,
                NoShowAtUtc = status == AppointmentStatus.NoShow ? start.AddMinutes(30) : null,
                CompletedAtUtc = status == AppointmentStatus.Completed ? start.AddMinutes(15) : null,
            };
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment.Id;
        });

    public static Task<int> SetAppointmentStatusAsync(this AppFactory app, Guid appointmentId, AppointmentStatus status) =>
        app.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status)));

    /// <summary>A current hemifacial-spasm diagnosis (recorded now, by the fake clock).</summary>
    public static Task<Guid> AddHfsDiagnosisAsync(this AppFactory app, Guid patientId) =>
        app.WithDbAsync(async db =>
        {
            var diagnosis = new PatientDiagnosis
            {
                PatientId = patientId,
                Condition = ClinicalCondition.HemifacialSpasm,
                Side = AffectedSide.Left,
                Certainty = DiagnosisCertainty.Confirmed,
                Etiology = HfsEtiology.Primary,
            };
            db.Diagnoses.Add(diagnosis);
            await db.SaveChangesAsync();
            return diagnosis.Id;
        });

    /// <summary>An HFS-7 (or other) score assessed at 10:00 clinic time on <paramref name="localDate"/>.</summary>
    public static Task<Guid> AddScoreAsync(this AppFactory app, Guid patientId, DateOnly localDate, string code = "HFS7", decimal total = 12) =>
        app.WithDbAsync(async db =>
        {
            var at = ToxinHistoryTestData.At(localDate);
            var score = new ScaleScore
            {
                PatientId = patientId,
                InstrumentCode = code,
                InstrumentVersion = InstrumentCatalogue.BuiltInVersion,
                Total = total,
                Status = "Complete",
                RaterId = Guid.NewGuid(),
                RaterName = "Test Rater",
                AssessedAtUtc = at,
                RecordedAtUtc = at,
            };
            db.ScaleScores.Add(score);
            await db.SaveChangesAsync();
            return score.Id;
        });
}
