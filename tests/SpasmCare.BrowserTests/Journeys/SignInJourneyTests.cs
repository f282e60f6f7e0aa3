using System.Text.RegularExpressions;
using SpasmCare.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpasmCare.BrowserTests.Journeys;

[Collection(JourneyCollection.Name)]
public sealed class SignInJourneyTests(JourneyApp app) : BrowserTest(app)
{
    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageAndStaysOnSignIn()
    {
        var page = await NewPageAsync();
        // The site's address shows the public pages; staff follow "Staff sign-in" at the foot of the page.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Clinic$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff sign-in" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync(TestUsers.Typo.UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("correct-horse-staple");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("User name")).ToHaveValueAsync(TestUsers.Typo.UserName);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_OneTimePassword_MustChangePasswordBeforeAnythingElse()
    {
        var user = TestUsers.NewStarter;
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("User name").FillAsync(user.UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You signed in with a one-time password.");
        await page.GotoAsync("/Patients");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/ChangePassword"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();

        await page.GetByLabel("Current password").FillAsync(user.Password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("my-own-quiet-passphrase");
        await page.GetByLabel("New password again").FillAsync("my-own-quiet-passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password has been changed.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(user.DisplayName);
        await NavigateAsync(page, "Patients");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patients", Level = 1 })).ToBeVisibleAsync();
    }
}
