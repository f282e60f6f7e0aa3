namespace SpasmCare.Web.Features.Workup;

/// <summary>Imaging (with uploaded reports), electrophysiology and diagnoses.</summary>
public static class WorkupSetup
{
    public static IServiceCollection AddWorkup(this IServiceCollection services) => services;
}
