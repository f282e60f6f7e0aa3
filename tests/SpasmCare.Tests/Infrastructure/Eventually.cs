using System.Diagnostics;

namespace SpasmCare.Tests.Infrastructure;

/// <summary>Polls for something background work does (mail, retries), in real time, with a limit.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Reads until <paramref name="done"/> holds or time runs out; returns the last value read either way.</summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || watch.Elapsed > (timeout ?? DefaultTimeout))
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
