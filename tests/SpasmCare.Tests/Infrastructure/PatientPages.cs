using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Patients registered through the Register page, the way staff do, so every audited path is the real one.</summary>
public static class PatientPages
{
    public static async Task<Guid> RegisterAsync(this HttpClient client, PatientInput input)
    {
        var response = await client.PostFormAsync("/Patients/Register", TestData.FormFields(input));
        return IdFromDetailsLocation(response);
    }

    /// <summary>The patient id of a redirect to <c>/Patients/Details/{id}</c>.</summary>
    public static Guid IdFromDetailsLocation(HttpResponseMessage response)
    {
        var location = Redirects.LocationOf(response);
        Assert.StartsWith("/Patients/Details/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/Patients/Details/".Length..]);
    }
}
