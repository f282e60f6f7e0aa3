using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SpasmCare.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Not found", "There is nothing at this address, or it is not available to you. Check the link, or search again."),
            403 => ("Not available", "Your role does not include this. Ask an administrator if you need it."),
            429 => ("Too many attempts", "Please wait a minute before trying again."),
            400 => ("The request could not be read", "Go back, reload the page and try again."),
            _ => ("Something went wrong", "SpasmCare could not finish what you asked. Please try again."),
        };
    }
}
