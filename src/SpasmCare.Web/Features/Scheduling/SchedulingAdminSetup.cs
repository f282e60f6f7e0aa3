namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Setting up the schedule (resources, weekly availability, exceptions, holidays, types), calendar views and feeds.</summary>
public static class SchedulingAdminSetup
{
    public static IServiceCollection AddSchedulingAdmin(this IServiceCollection services) => services;
}
