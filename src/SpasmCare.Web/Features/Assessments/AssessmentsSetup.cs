namespace SpasmCare.Web.Features.Assessments;

/// <summary>Visits, examinations and the differential.</summary>
public static class AssessmentsSetup
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services;
}
