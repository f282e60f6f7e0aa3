namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Setting up the schedule (resources, weekly availability, exceptions, holidays, types), calendar views and feeds.</summary>
public static class SchedulingAdminSetup
{
    public static IServiceCollection AddSchedulingAdmin(this IServiceCollection services)
    {
        services.AddScoped<SaveResource.Handler>();
        services.AddScoped<AvailabilityAdmin.SaveSession.Handler>();
        services.AddScoped<AvailabilityAdmin.AddException.Handler>();
        services.AddScoped<AvailabilityAdmin.DeleteException>();
        services.AddScoped<HolidayAdmin.AddHandler>();
        services.AddScoped<HolidayAdmin.DeleteHandler>();
        services.AddScoped<AppointmentTypeAdmin.Handler>();
        services.AddScoped<CalendarViews.Query>();
        services.AddScoped<CalendarFeed.Issue>();
        services.AddScoped<CalendarFeed.Revoke>();
        services.AddScoped<CalendarFeed.Read>();
        return services;
    }
}
