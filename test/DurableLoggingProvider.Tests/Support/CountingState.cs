using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A log state that counts every way a provider could look at it: its formatter, its <c>ToString</c>
/// and reads of its values. All three stay zero for a record that is not formatted.
/// </summary>
internal sealed class CountingState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private int _formatCalls;
    private int _toStringCalls;
    private int _valueReads;

    /// <summary>The formatter to pass with the state to <c>ILogger.Log</c>.</summary>
    public static readonly Func<CountingState, Exception?, string> Formatter = static (state, _) => state.Format();

    public int FormatCalls => Volatile.Read(ref _formatCalls);

    public int ToStringCalls => Volatile.Read(ref _toStringCalls);

    public int ValueReads => Volatile.Read(ref _valueReads);

    /// <summary>Every kind of look added up.</summary>
    public int Looks => FormatCalls + ToStringCalls + ValueReads;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index]
    {
        get
        {
            Interlocked.Increment(ref _valueReads);
            return index == 0 ? new("Counted", 1) : throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        Interlocked.Increment(ref _toStringCalls);
        return "counting state";
    }

    private string Format()
    {
        Interlocked.Increment(ref _formatCalls);
        return "counting state formatted";
    }
}
