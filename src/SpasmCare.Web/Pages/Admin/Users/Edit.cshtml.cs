using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Sites;
using SpasmCare.Web.Features.Users;
using SpasmCare.Web.Hosting;

namespace SpasmCare.Web.Pages.Admin.Users;

public sealed class EditModel(
    SpasmCareDbContext db, UpdateUser.Handler update, ResetUserPassword.Handler reset, IssueApiToken.Handler issue,
    RevokeApiToken.Handler revoke, ClinicTime clock, TimeProvider time) : PageModel
{
    // Named, so that a form posting only one of them does not bind the other from its un-prefixed fields (model
    // binding's empty-prefix fallback), which would leave errors under keys that ClearErrorsOf cannot find.
    [BindProperty(Name = nameof(Input))] public UpdateUser.Request Input { get; set; } = new();

    [BindProperty(Name = nameof(Token))] public IssueApiToken.Request Token { get; set; } = new();

    public string DisplayName { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public bool LockedOut { get; private set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewPassword { get; private set; }
    public string? NewToken { get; private set; }
    public ClinicTime Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, fillForm: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ClearErrorsOf(nameof(Token));
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, fillForm: false, ct) ? Page() : NotFound();
        }

        if (!await update.HandleAsync(id, Input, ct))
        {
            return NotFound();
        }

        TempData["Status"] = "Saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        NewPassword = await reset.HandleAsync(id, ct);
        ModelState.Clear();
        return NewPassword is not null && await LoadAsync(id, fillForm: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIssueTokenAsync(Guid id, CancellationToken ct)
    {
        ClearErrorsOf(nameof(Input));
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, fillForm: true, ct) ? Page() : NotFound();
        }

        NewToken = await issue.HandleAsync(id, Token, ct);
        if (NewToken is null)
        {
            ModelState.AddModelError("", "Tokens can only be issued for active accounts.");
        }
        else
        {
            Token = new IssueApiToken.Request();
            ModelState.Clear();
        }

        return await LoadAsync(id, fillForm: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid tokenId, CancellationToken ct)
    {
        if (!await db.ApiTokens.AnyAsync(t => t.Id == tokenId && t.UserId == id, ct) || !await revoke.HandleAsync(tokenId, ct))
        {
            return NotFound();
        }

        TempData["Status"] = "Token revoked.";
        return RedirectToPage(new { id });
    }

    private void ClearErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync(Guid id, bool fillForm, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Sites).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return false;
        }

        DisplayName = user.DisplayName;
        UserName = user.UserName ?? "";
        LockedOut = user.LockoutEnd > time.GetUtcNow() && user.IsActive;
        Sites = await SiteList.ActiveAsync(db, ct);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == id).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);
        if (fillForm)
        {
            Input = new UpdateUser.Request
            {
                DisplayName = user.DisplayName,
                Email = user.Email,
                IsActive = user.IsActive,
                ConcurrencyStamp = user.ConcurrencyStamp,
                Roles = await db.UserRoles.Where(ur => ur.UserId == id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(ct),
                SiteIds = user.Sites.Select(s => s.SiteId).ToList(),
            };
        }

        return true;
    }
}
