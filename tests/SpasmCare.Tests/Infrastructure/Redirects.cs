using System.Net;

namespace SpasmCare.Tests.Infrastructure;

public static class Redirects
{
    /// <summary>The path and query a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string LocationOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location;
        Assert.NotNull(location);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Fails unless the response is a redirect (a form that was accepted), and returns it.</summary>
    public static HttpResponseMessage EnsureRedirect(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
