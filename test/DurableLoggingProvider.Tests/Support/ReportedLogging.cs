using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A provider built by hand over a given sink, whose sink-failure reports (standard error, in production)
/// are kept here, so a test can count them without writing to the real standard error.
/// </summary>
internal sealed class ReportedLogging : IDisposable
{
    private readonly object _lock = new();
    private readonly List<string> _reports = [];
    private readonly ILoggerFactory _factory;

    public ReportedLogging(ILogSink sink, DurableLogFormat format = DurableLogFormat.Json)
    {
        Provider = new DurableLoggerProvider(
            new StaticOptionsMonitor(new DurableLoggerOptions { Format = format }), sink, new FakeTimeProvider(TestLogging.Now), filters: null, Report);
        _factory = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddProvider(Provider);
        });
    }

    public DurableLoggerProvider Provider { get; }

    /// <summary>What was reported on the error stream, in order.</summary>
    public IReadOnlyList<string> Reports
    {
        get
        {
            lock (_lock)
            {
                return _reports.ToArray();
            }
        }
    }

    public ILogger Logger(string category = "Tests.Category") => _factory.CreateLogger(category);

    /// <summary>The lines of a stream the records were written to, each checked to be one record.</summary>
    public static IReadOnlyList<string> Lines(byte[] written)
    {
        var text = Encoding.UTF8.GetString(written);
        return text.Length == 0 ? [] : text.EndsWith('\n') ? text[..^1].Split('\n') : throw new FormatException("The stream does not end with a whole line.");
    }

    /// <summary>The <c>message</c> of every JSON line of a stream.</summary>
    public static IReadOnlyList<string?> Messages(byte[] written) => Lines(written).Select(line => JsonLine.String(JsonLine.Parse(line), "message")).ToArray();

    public void Dispose() => _factory.Dispose();

    private void Report(string message)
    {
        lock (_lock)
        {
            _reports.Add(message);
        }
    }
}
