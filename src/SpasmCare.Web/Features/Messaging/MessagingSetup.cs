namespace SpasmCare.Web.Features.Messaging;

/// <summary>Patient messages: templates, reminders, SMS providers, per-channel consent.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddMessaging(this IServiceCollection services) => services
        .AddScoped<AppointmentReminders>();
}
