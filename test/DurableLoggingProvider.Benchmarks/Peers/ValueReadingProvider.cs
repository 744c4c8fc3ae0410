using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// MEL's share of an enabled line: a provider whose loggers are always enabled and whose <c>Log</c> reads every
/// value of the state through <c>IReadOnlyList&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>, as any provider
/// must (the decimal boxed on the read), and writes nothing. What a call costs from the generated call site
/// through <c>Logger&lt;T&gt;</c> and MEL's <c>Logger</c> to a provider's values, before any formatting. Each
/// call checks the values' names, so a state of another shape is counted as a mismatch.
/// </summary>
internal sealed class ValueReadingProvider : ILoggerProvider
{
    private static readonly string[] s_expectedKeys = ["OrderId", "Amount", "Currency", "{OriginalFormat}"];

    private readonly ValueReadingLogger _logger = new();

    /// <summary>How many calls reached the provider's <c>Log</c>.</summary>
    public long Calls => _logger.Calls;

    /// <summary>How many of them carried values of other names than the benchmark's template.</summary>
    public long Mismatches => _logger.Mismatches;

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }

    private sealed class ValueReadingLogger : ILogger
    {
        public long Calls { get; private set; }

        public long Mismatches { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Calls++;
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> || ((IReadOnlyList<KeyValuePair<string, object?>>)state).Count != s_expectedKeys.Length)
            {
                Mismatches++;
                return;
            }

            for (var i = 0; i < s_expectedKeys.Length; i++)
            {
                var (key, value) = ((IReadOnlyList<KeyValuePair<string, object?>>)state)[i];
                if (key != s_expectedKeys[i] || value is null)
                {
                    Mismatches++;
                }
            }
        }
    }
}
