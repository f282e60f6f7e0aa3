using Microsoft.Extensions.Options;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Messaging;

/// <summary>Patient messages: templates, reminders, SMS providers, per-channel consent.</summary>
public static class MessagingSetup
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>()
            .BindConfiguration(SmsOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                // Beside the mail pickup folder: data/sms.
                o.Directory = string.IsNullOrWhiteSpace(o.Directory)
                    ? Path.Combine(DataSetup.DataDirectory(env.ContentRootPath), "sms")
                    : Path.GetFullPath(o.Directory, env.ContentRootPath);
            })
            .Validate(o => o.Provider != SmsProvider.Http || Uri.TryCreate(o.Http.BaseUrl, UriKind.Absolute, out _),
                "Sms:Http:BaseUrl must be an absolute URL when Sms:Provider is Http.")
            .Validate(o => o.Http.TimeoutSeconds is > 0 and <= 60, "Sms:Http:TimeoutSeconds must be from 1 to 60.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.InboundSecretHeader), "Sms:InboundSecretHeader is required.")
            .ValidateOnStart();

        services.AddHttpClient(HttpSmsSender.ClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SmsOptions>>().Value.Http.TimeoutSeconds));
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider == SmsProvider.Http
            ? ActivatorUtilities.CreateInstance<HttpSmsSender>(sp)
            : ActivatorUtilities.CreateInstance<FileSmsSender>(sp));

        return services
            .AddScoped<AppointmentReminders>()
            .AddScoped<ReminderSettings.Handler>()
            .AddScoped<SaveMessageTemplate.Handler>()
            .AddScoped<SetContactPreference.Handler>()
            .AddScoped<SmsInbound.Handler>();
    }
}
