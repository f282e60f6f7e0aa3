namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Appointments: finding a slot, booking, moving, cancelling, checking in; conflicts across resources.</summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services) => services;
}
