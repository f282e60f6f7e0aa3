using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TraceId { get; private set; } = "";

    public void OnGet() => TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    public void OnPost() => OnGet();
}
