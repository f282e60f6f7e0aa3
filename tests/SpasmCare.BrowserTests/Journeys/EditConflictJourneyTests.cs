using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SpasmCare.BrowserTests.Infrastructure;
using SpasmCare.Web.Features.Patients;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

/// <summary>A doctor and a nurse open the same patient's edit page; the doctor saves first.</summary>
[Collection(JourneyCollection.Name)]
public sealed partial class EditConflictJourneyTests(JourneyApp app) : BrowserTest(app)
{
    private const string DoctorsMobile = "9822233344";
    private const string NursesEmail = "patient@example.in";

    [Fact]
    public async Task SaveEdit_SomeoneSavedFirst_ShowsTheirChangesAndKeepsThem()
    {
        var patient = await RegisterAsync("Gurpreet", "Sandhu", "9876012345");
        var nurse = await OpenTwiceAndLetTheDoctorSaveFirstAsync(patient);
        await PatientForm.Field(nurse, "Email").FillAsync(NursesEmail);

        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var conflict = nurse.GetByRole(AriaRole.Alert);
        await Expect(conflict.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(ChangedByDoctor());
        var theirs = conflict.GetByRole(AriaRole.Table).Nth(0);
        var yours = conflict.GetByRole(AriaRole.Table).Nth(1);
        await Expect(theirs.GetByRole(AriaRole.Row).Filter(new() { HasText = "+91 98222 33344" })).ToContainTextAsync("Mobile");
        await Expect(theirs.GetByRole(AriaRole.Cell, new() { Name = "Email", Exact = true })).ToHaveCountAsync(0);
        await Expect(yours.GetByRole(AriaRole.Row).Filter(new() { HasText = NursesEmail })).ToContainTextAsync("Email");
        await Expect(PatientForm.Field(nurse, "Email")).ToHaveValueAsync(NursesEmail);
        var saved = await App.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id));
        Assert.Equal(DoctorsMobile, saved.Mobile);
        Assert.Null(saved.Email);
    }

    [Fact]
    public async Task SaveAgainAfterConflict_OnlyEmailTyped_AddsEmailOnTopOfTheirMobile()
    {
        var patient = await RegisterAsync("Harjeet", "Gill", "9876012346");
        var nurse = await OpenTwiceAndLetTheDoctorSaveFirstAsync(patient);
        await PatientForm.Field(nurse, "Email").FillAsync(NursesEmail);
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Alert)).ToContainTextAsync("The form below now holds their changes together with yours.");
        await Expect(PatientForm.Field(nurse, "Mobile")).ToHaveValueAsync(DoctorsMobile);
        await Expect(PatientForm.Field(nurse, "Email")).ToHaveValueAsync(NursesEmail);

        await nurse.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(nurse.GetByRole(AriaRole.Status)).ToHaveTextAsync("Changes saved.");
        var saved = await App.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id));
        Assert.Equal(NursesEmail, saved.Email);
        Assert.Equal(DoctorsMobile, saved.Mobile);
    }

    private Task<Patient> RegisterAsync(string given, string family, string mobile) =>
        App.RegisterPatientAsync(new PatientInput
        {
            GivenName = given,
            FamilyName = family,
            Sex = Sex.Male,
            BirthDate = new DateOnly(1959, 9, 3),
            Mobile = mobile,
            City = "Pune",
        });

    /// <summary>Both open the edit page; the doctor changes the mobile number and saves. Returns the nurse's page, still open.</summary>
    private async Task<IPage> OpenTwiceAndLetTheDoctorSaveFirstAsync(Patient patient)
    {
        var doctor = await SignedInPageAsync(TestUsers.Doctor);
        var nurse = await SignedInPageAsync(TestUsers.Nurse);
        await doctor.GotoAsync($"/Patients/Edit/{patient.Id}");
        await nurse.GotoAsync($"/Patients/Edit/{patient.Id}");
        await PatientForm.Field(doctor, "Mobile").FillAsync(DoctorsMobile);
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(doctor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Changes saved.");
        return nurse;
    }

    [GeneratedRegex(@"^Not saved: test\.doctor changed this record at .+, after you opened it$")]
    private static partial Regex ChangedByDoctor();
}
