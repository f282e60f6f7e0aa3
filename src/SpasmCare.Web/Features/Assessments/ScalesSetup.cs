namespace SpasmCare.Web.Features.Assessments;

/// <summary>Rating scales and questionnaires: instruments as data, scores, change since the previous one.</summary>
public static class ScalesSetup
{
    public static IServiceCollection AddScales(this IServiceCollection services) => services;
}
