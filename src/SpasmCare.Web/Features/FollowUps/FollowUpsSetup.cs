using SpasmCare.Web.Features.Toxin;

namespace SpasmCare.Web.Features.FollowUps;

/// <summary>
/// Follow-up and response: the follow-up worklist and, for toxin, what follows a session — reviews with adverse
/// effects, resistance tests, the patient's toxin history and the recall list.
/// </summary>
public static class FollowUpsSetup
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services) =>
        services
            .AddScoped<FollowUpList.Query>()
            .AddScoped<CancelFollowUp.Handler>()
            .AddScoped<RecordReview.Handler>()
            .AddScoped<UpdateReview.Handler>()
            .AddScoped<MarkReviewEnteredInError.Handler>()
            .AddScoped<ResistanceTestSave.Handler>()
            .AddScoped<ToxinHistory.Query>()
            .AddScoped<ToxinRecallList.Query>();
}
