using System.Threading;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A template value that counts how often it is turned into text: proof that a record was or was not formatted.</summary>
internal sealed class CountingValue
{
    private int _toStringCalls;

    public int ToStringCalls => Volatile.Read(ref _toStringCalls);

    public override string ToString()
    {
        Interlocked.Increment(ref _toStringCalls);
        return "counted";
    }
}
