namespace SpasmCare.Web.Features.Recall;

/// <summary>Recall lists: who is due or overdue for something, and working the list.</summary>
public static class RecallSetup
{
    public static IServiceCollection AddRecall(this IServiceCollection services) => services
        .AddScoped<RecallList.Items>()
        .AddScoped<RecallList.Query>()
        .AddScoped<RecallList.Counts>()
        .AddScoped<RecordRecallAction.Handler>()
        .AddScoped<RecallSettings.Handler>();
}
