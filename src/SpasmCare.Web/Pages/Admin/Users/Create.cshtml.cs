using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Users;

namespace SpasmCare.Web.Pages.Admin.Users;

public sealed class CreateModel(CreateUser.Handler handler, SpasmCareDbContext db) : PageModel
{
    public sealed record CreatedUser(string Name, string UserName, string Password);

    [BindProperty] public CreateUser.Request Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public CreatedUser? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Sites = await SiteList.ActiveAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sites = await SiteList.ActiveAsync(db, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Input, ct);
        // Shown once on this response; never stored in TempData or a URL.
        Created = new CreatedUser(Input.DisplayName, Input.UserName, result.OneTimePassword);
        return Page();
    }
}
