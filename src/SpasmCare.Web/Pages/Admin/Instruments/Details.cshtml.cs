using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Clinical.Scales;
using SpasmCare.Web.Features.Assessments;

namespace SpasmCare.Web.Pages.Admin.Instruments;

/// <summary>One stored version: its items, notes and sources, and its JSON to download, edit and load as a new version.</summary>
public sealed class DetailsModel(SpasmCareDbContext db, InstrumentLibrary library) : PageModel
{
    public InstrumentRecord Record { get; private set; } = null!;
    public InstrumentDefinition Definition { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } record)
        {
            return NotFound();
        }

        (Record, Definition) = (record, library.Parse(record));
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } record)
        {
            return NotFound();
        }

        var name = new string($"{record.Code}-{record.Version}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return File(Encoding.UTF8.GetBytes(record.Definition), "application/json", name + ".json");
    }
}
