using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DurableLoggingProvider;

/// <summary>
/// Who waits for an invocation's end: the buffers holding its lines, one per provider that holds any. Kept with the
/// invocation, so an invocation that is never reported ended takes its listeners with it when it is collected.
/// </summary>
internal static class InvocationEnds
{
    private static readonly ConditionalWeakTable<LambdaInvocation, List<InvocationBuffer>> s_listeners = new();

    public static void Listen(LambdaInvocation invocation, InvocationBuffer buffer)
    {
        var listeners = s_listeners.GetValue(invocation, static _ => []);
        lock (listeners)
        {
            listeners.Add(buffer);
        }
    }

    /// <summary>Tells every buffer of <paramref name="invocation"/> how it ended; later reports of the same invocation find none.</summary>
    public static void Report(LambdaInvocation invocation, InvocationOutcome outcome)
    {
        if (!s_listeners.TryGetValue(invocation, out var listeners))
        {
            return;
        }

        InvocationBuffer[] buffers;
        lock (listeners)
        {
            buffers = listeners.ToArray();
            listeners.Clear();
        }

        foreach (var buffer in buffers)
        {
            buffer.End(outcome);
        }
    }
}
