using Microsoft.Extensions.Options;
using SpasmCare.Web.Features.Messaging;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Features.Inquiries;

/// <summary>The inquiry funnel: public form, staff inbox, outbox mail and retention.</summary>
public static class InquiriesSetup
{
    public static IServiceCollection AddInquiries(this IServiceCollection services)
    {
        services.AddOptions<InquiryOptions>()
            .BindConfiguration(InquiryOptions.Section)
            .Validate(o => o.RetentionDays >= 1, "Inquiries:RetentionDays must be at least 1.")
            .Validate(o => o.RateLimitPermits >= 1 && o.RateLimitWindowMinutes >= 1, "Inquiries:RateLimit settings must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                // Beside the SQLite file and the documents: data/mail.
                o.PickupDirectory = string.IsNullOrWhiteSpace(o.PickupDirectory)
                    ? Path.Combine(DataSetup.DataDirectory(env.ContentRootPath), "mail")
                    : Path.GetFullPath(o.PickupDirectory, env.ContentRootPath);
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.FromAddress), "Mail:FromAddress is required.")
            .Validate(o => !o.UsesSmtp || o.Smtp.Port is > 0 and < 65536, "Mail:Smtp:Port must be a TCP port.")
            .Validate(o => o.Outbox.LeaseSeconds > o.Smtp.TimeoutSeconds, "Mail:Outbox:LeaseSeconds must be longer than Mail:Smtp:TimeoutSeconds.")
            .ValidateOnStart();

        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailTransport>(sp));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxWorker>();
        services.AddHostedService<InquiryRetentionWorker>();

        return services
            .AddSingleton<WorkingDays>()
            .AddScoped<InquiryEmails>()
            .AddScoped<SubmitInquiry.Handler>()
            .AddScoped<ListInquiries.Query>()
            .AddScoped<InquiryDetails.Query>()
            .AddScoped<UpdateInquiry.Handler>()
            .AddScoped<ConvertInquiry.Handler>()
            .AddScoped<PurgeInquiries.Handler>();
    }
}
