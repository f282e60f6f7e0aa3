namespace SpasmCare.Web.Features.Toxin;

/// <summary>Charting injection sessions: record, correct, mark entered in error.</summary>
public static class ToxinSessionsSetup
{
    public static IServiceCollection AddToxinSessions(this IServiceCollection services) => services
        .AddScoped<RecordSession.Handler>()
        .AddScoped<UpdateSession.Handler>()
        .AddScoped<SessionEnteredInError.Handler>();
}
