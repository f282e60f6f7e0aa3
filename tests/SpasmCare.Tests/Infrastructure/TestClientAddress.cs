using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>
/// Lets a test client say which address it comes from (the test server has none), so that per-client limits can
/// be tested without one test using up another's allowance. Only test hosts register it.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A random private address, different for each call.</summary>
    public static string Random() =>
        $"10.{System.Random.Shared.Next(0, 256)}.{System.Random.Shared.Next(0, 256)}.{System.Random.Shared.Next(1, 255)}";
}
