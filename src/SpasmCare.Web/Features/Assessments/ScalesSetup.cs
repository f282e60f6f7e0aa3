namespace SpasmCare.Web.Features.Assessments;

/// <summary>Rating scales and questionnaires: instruments as data, scores, change since the previous one.</summary>
public static class ScalesSetup
{
    public static IServiceCollection AddScales(this IServiceCollection services)
    {
        services.AddSingleton<InstrumentLibrary.Cache>();
        services.AddScoped<InstrumentLibrary>();
        services.AddScoped<InstrumentLoad.Handler>();
        services.AddScoped<ScaleRecording.Handler>();
        services.AddScoped<ScaleHistory.Query>();
        return services;
    }
}
