using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Pages.Admin.Instruments;

/// <summary>
/// Rating instruments as data: the versions stored, which one is offered for new scores, loading a new version
/// from JSON (pasted or a .json file) and withdrawing or restoring a version.
/// </summary>
public sealed class IndexModel(SpasmCareDbContext db, InstrumentLoad.Handler handler, InstrumentLibrary library) : PageModel
{
    public sealed record Row(
        Guid Id, string Code, string Version, string Name, bool IsBuiltIn, bool IsActive, bool IsOffered,
        DateTime LoadedAtUtc, string? LoadedBy, int Scores);

    [BindProperty]
    [Display(Name = "Definition (JSON)")]
    public string? Json { get; set; }

    [BindProperty]
    [Display(Name = "Or a .json file")]
    public IFormFile? Upload { get; set; }

    public List<Row> Rows { get; } = [];
    public IReadOnlyList<FieldError> LoadErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadRowsAsync(ct);

    [Audited(AuditAction.InstrumentLoaded, "Instrument")]
    public async Task<IActionResult> OnPostLoadAsync(CancellationToken ct)
    {
        var text = Json;
        if (Upload is { } file)
        {
            if (!string.IsNullOrWhiteSpace(Json))
            {
                return await FailAsync(new FieldError("$", "Give either pasted text or a file, not both."), ct);
            }

            if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return await FailAsync(new FieldError("$", $"\"{file.FileName}\" is not a .json file."), ct);
            }

            if (file.Length > InstrumentLoad.MaxJsonBytes)
            {
                return await FailAsync(new FieldError("$", $"The file is larger than {InstrumentLoad.MaxJsonBytes / 1024} KB; that is not an instrument definition."), ct);
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(ct);
        }

        var result = await handler.LoadAsync(text, ct);
        if (result.Loaded is not { } loaded)
        {
            LoadErrors = result.Errors;
            ModelState.AddModelError(nameof(Json), "The definition was not loaded; see the problems listed.");
            await LoadRowsAsync(ct);
            return Page();
        }

        TempData["Status"] = $"{loaded.Name} version {loaded.Version} loaded. It is now offered for new {loaded.Code} scores; earlier scores keep their version.";
        return RedirectToPage();
    }

    [Audited(AuditAction.InstrumentDeactivated, "Instrument")]
    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    [Audited(AuditAction.InstrumentReactivated, "Instrument")]
    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var record = await handler.SetActiveAsync(id, active, ct);
        if (record is null)
        {
            return NotFound();
        }

        var offered = (await library.ChoicesAsync(ct)).FirstOrDefault(c => c.Code == record.Code);
        TempData["Status"] = $"{record.Code} version {record.Version} is {(active ? "active again" : "no longer offered for new scores")}. "
            + (offered is null ? $"No version of {record.Code} is offered now." : $"New {record.Code} scores use version {offered.Version}.");
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(FieldError error, CancellationToken ct)
    {
        LoadErrors = [error];
        ModelState.AddModelError(nameof(Json), "The definition was not loaded; see the problems listed.");
        await LoadRowsAsync(ct);
        return Page();
    }

    private async Task LoadRowsAsync(CancellationToken ct)
    {
        var records = await db.Instruments.AsNoTracking().ToListAsync(ct);
        var loaders = records.Where(r => r.LoadedBy is not null).Select(r => r.LoadedBy!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => loaders.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var counts = await db.ScaleScores.AsNoTracking()
            .GroupBy(s => new { s.InstrumentCode, s.InstrumentVersion })
            .Select(g => new { g.Key.InstrumentCode, g.Key.InstrumentVersion, Count = g.Count() })
            .ToListAsync(ct);
        var offered = (await library.ChoicesAsync(ct)).Select(c => (c.Code, c.Version)).ToHashSet();
        Rows.Clear();
        Rows.AddRange(records
            .OrderBy(r => InstrumentLibrary.Order(r.Code)).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ThenByDescending(r => r.LoadedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.Code, r.Version, r.Name, r.IsBuiltIn, r.IsActive, offered.Contains((r.Code, r.Version)),
                r.LoadedAtUtc, r.LoadedBy is { } by ? names.GetValueOrDefault(by) ?? "unknown user" : null,
                counts.FirstOrDefault(c => c.InstrumentCode == r.Code && c.InstrumentVersion == r.Version)?.Count ?? 0)));
    }
}
