namespace SpasmCare.BrowserTests.Infrastructure;

/// <summary>What a receptionist types into the patient form (registration and editing share it).</summary>
public sealed record PatientEntry(
    string GivenName, string FamilyName, string Sex, string BirthDate, string Mobile, string City, string State, string PinCode);

public static class PatientForm
{
    public static ILocator Field(IPage page, string label) =>
        page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    public static async Task FillAsync(IPage page, PatientEntry patient)
    {
        await Field(page, "Given name").FillAsync(patient.GivenName);
        await Field(page, "Family name").FillAsync(patient.FamilyName);
        await Field(page, "Sex").SelectOptionAsync(new SelectOptionValue { Label = patient.Sex });
        await Field(page, "Date of birth").FillAsync(patient.BirthDate);
        await Field(page, "Mobile").FillAsync(patient.Mobile);
        await Field(page, "City / town").FillAsync(patient.City);
        await Field(page, "State").FillAsync(patient.State);
        await Field(page, "PIN code").FillAsync(patient.PinCode);
        await page.GetByLabel("Agrees to be contacted").CheckAsync();
    }
}
