using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SpasmCare.Bench;

/// <summary>
/// Counts the runtime's JIT compilations (its own event source, JIT keyword), so that a steady-state run that keeps
/// compiling code — new query delegates on every request, say — shows up in the report.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly ConcurrentDictionary<string, int> _methods = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The most compiled methods since the last reset, by namespace and name.</summary>
    public List<KeyValuePair<string, int>> Top(int n) => [.. _methods.OrderByDescending(m => m.Value).Take(n)];

    public void ResetTally() => _methods.Clear();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("MethodJittingStarted", StringComparison.Ordinal))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        var payload = eventData.PayloadNames is { } names && eventData.Payload is { } values
            ? names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)
            : [];
        var method = $"{payload.GetValueOrDefault("MethodNamespace")}::{payload.GetValueOrDefault("MethodName")}";
        _methods.AddOrUpdate(method, 1, (_, c) => c + 1);
    }
}
