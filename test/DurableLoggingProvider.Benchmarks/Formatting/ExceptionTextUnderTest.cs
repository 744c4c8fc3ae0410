using System;
using DurableLoggingProvider.Benchmarks.Workload;

namespace DurableLoggingProvider.Benchmarks.Formatting;

/// <summary>
/// The part of an exception's line that no logger avoids: <see cref="Exception.ToString"/>, which resolves
/// the stack trace's frames every time. Counted as a writer so that the class's cleanup sees that the
/// iterations ran it, and checked to have rendered the stack trace.
/// </summary>
internal sealed class ExceptionTextUnderTest : IWriterUnderTest
{
    private readonly Exception _exception;
    private readonly string _frame;
    private int _lastLength;

    public ExceptionTextUnderTest(Exception exception, string frame)
    {
        _exception = exception;
        _frame = frame;
        if (!exception.ToString().Contains(frame, StringComparison.Ordinal))
        {
            throw SanityChecks.Failed($"The exception's text lacks its stack frame {frame}: {exception}");
        }
    }

    public string Name => "exception.ToString()";

    public long Writes { get; private set; }

    /// <summary>Renders the exception's text, as every logger's exception line does.</summary>
    public void Render()
    {
        _lastLength = _exception.ToString().Length;
        Writes++;
    }

    public void RequireIterationsWrote()
    {
        if (Writes == 0 || _lastLength < _frame.Length)
        {
            throw SanityChecks.Failed($"{Name}: the iterations rendered nothing.");
        }
    }
}
