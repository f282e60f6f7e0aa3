namespace SpasmCare.Web.Features.Surgery;

/// <summary>The MVD pathway from referral to discharge (issue 7): referral, checklist, booking, operation, stay, complications.</summary>
public static class SurgeryPathwaySetup
{
    public static IServiceCollection AddSurgeryPathway(this IServiceCollection services) => services
        .AddScoped<MvdCaseView.Query>()
        .AddScoped<SurgeryList.Query>()
        .AddScoped<ReferForMvd.Handler>()
        .AddScoped<UpdateChecklist.Handler>()
        .AddScoped<OverrideReadiness.Handler>()
        .AddScoped<BookTheatre.Handler>()
        .AddScoped<CancelBooking.Handler>()
        .AddScoped<CancelCase.Handler>()
        .AddScoped<RecordOperation.Handler>()
        .AddScoped<UpdateOperation.Handler>()
        .AddScoped<RecordStay.Handler>()
        .AddScoped<RecordComplication.Handler>()
        .AddScoped<UpdateComplication.Handler>();
}
