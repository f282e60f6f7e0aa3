namespace SpasmCare.Web.Features.Surgery;

/// <summary>MVD follow-up and outcomes (issue 7): follow-ups, failure, recurrence, the case's course, the outcome report, settings.</summary>
public static class MvdOutcomesSetup
{
    public static IServiceCollection AddMvdOutcomes(this IServiceCollection services) => services
        .AddScoped<MvdCourse.Query>()
        .AddScoped<RecordFollowUp.Handler>()
        .AddScoped<UpdateFollowUp.Handler>()
        .AddScoped<DeclareFailed.Handler>()
        .AddScoped<RecordRecurrence.Handler>()
        .AddScoped<MvdOutcomes.Query>()
        .AddScoped<SurgerySettings.Handler>();
}
