using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpasmCare.Web.Features.Patients;

namespace SpasmCare.Web.Pages.Patients;

public sealed record SearchResults(string Query, int Limit, IReadOnlyList<SearchPatients.Summary> Items);

public sealed class IndexModel(SearchPatients.Handler search) : PageModel
{
    public string Query { get; private set; } = "";
    public bool IncludeInactive { get; private set; }
    public SearchResults Results { get; private set; } = new("", SearchPatients.DefaultLimit, []);

    [Audited(AuditAction.PatientSearched)]
    public async Task OnGetAsync(string? q, bool inactive, CancellationToken ct)
    {
        IncludeInactive = inactive;
        Results = await SearchAsync(q, inactive, ct);
    }

    [Audited(AuditAction.PatientSearched)]
    public async Task<IActionResult> OnGetResultsAsync(string? q, bool inactive, CancellationToken ct) =>
        Partial("_Results", await SearchAsync(q, inactive, ct));

    private async Task<SearchResults> SearchAsync(string? q, bool inactive, CancellationToken ct)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > SearchPatients.QueryMax)
        {
            Query = Query[..SearchPatients.QueryMax];
        }

        var items = await search.HandleAsync(Query, SearchPatients.DefaultLimit, inactive, ct);
        return new SearchResults(Query, SearchPatients.DefaultLimit, items);
    }
}
