namespace SpasmCare.Web.Features.Assessments;

/// <summary>Visits, examinations and the differential.</summary>
public static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services
        .AddScoped<VisitClinicians>()
        .AddScoped<RecordVisit.Handler>()
        .AddScoped<UpdateVisit.Handler>()
        .AddScoped<MarkVisitEnteredInError.Handler>()
        .AddScoped<RecordExamination.Handler>()
        .AddScoped<AmendExamination.Handler>();
}
