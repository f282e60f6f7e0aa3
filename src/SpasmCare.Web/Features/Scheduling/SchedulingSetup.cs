namespace SpasmCare.Web.Features.Scheduling;

/// <summary>Appointments: finding a slot, booking, moving, cancelling, checking in; conflicts across resources.</summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddScheduling(this IServiceCollection services) => services
        .AddScoped<FreeSlots.Handler>()
        .AddScoped<AppointmentView.Query>()
        .AddScoped<BookAppointment.Handler>()
        .AddScoped<RescheduleAppointment.Handler>()
        .AddScoped<CancelAppointment.Handler>()
        .AddScoped<CheckInAppointment.Handler>()
        .AddScoped<MarkNoShow.Handler>()
        .AddScoped<CompleteAppointment.Handler>()
        .AddScoped<StartVisitFromAppointment.Handler>();
}
