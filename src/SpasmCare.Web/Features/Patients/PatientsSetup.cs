namespace SpasmCare.Web.Features.Patients;

public static class PatientsSetup
{
    public static IServiceCollection AddPatients(this IServiceCollection services) => services
        .AddScoped<RegisterPatient.Handler>()
        .AddScoped<UpdatePatient.Handler>()
        .AddScoped<ChangePatientStatus.Handler>()
        .AddScoped<SearchPatients.Handler>()
        .AddScoped<GetPatient.Handler>();
}
