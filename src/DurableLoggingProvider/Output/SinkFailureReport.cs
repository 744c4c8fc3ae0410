using System;
using System.Threading;

namespace DurableLoggingProvider;

/// <summary>
/// Counts records that could not be written and says so on standard error: once when writing first
/// fails, and once more, with the count, when it works again. Never throws.
/// </summary>
internal sealed class SinkFailureReport
{
    private readonly string _destination;
    private readonly Action<string> _report;
    private long _lost;
    private long _lostSinceReport;
    private int _failing;

    public SinkFailureReport(string destination)
        : this(destination, StandardError.WriteLine)
    {
    }

    internal SinkFailureReport(string destination, Action<string> report)
    {
        _destination = destination;
        _report = report;
    }

    /// <summary>How many records could not be written since the process started.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public void Failed(Exception exception)
    {
        Interlocked.Increment(ref _lost);
        Interlocked.Increment(ref _lostSinceReport);
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            Report($"DurableLoggingProvider: writing log records to {_destination} failed ({exception.GetType().Name}: {ValueText.SafeMessage(exception)}); records are counted and dropped until it works again.");
        }
    }

    public void Recovered()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            var lost = Interlocked.Exchange(ref _lostSinceReport, 0);
            Report($"DurableLoggingProvider: writing log records to {_destination} works again; {lost} record(s) could not be written.");
        }
    }

    private void Report(string message)
    {
        try
        {
            _report(message);
        }
        catch (Exception)
        {
            // Standard error is the last resort; there is nowhere left to say it failed.
        }
    }
}
