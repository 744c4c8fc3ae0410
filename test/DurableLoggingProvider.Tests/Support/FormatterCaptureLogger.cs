using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>
/// A logger that keeps what the caller's formatter renders (with MEL's extension methods and
/// <c>LoggerMessage.Define</c>, MEL's own rendering of the message, the referee of ours), and what the
/// provider's gathering makes of the same state: its message and how often it called the formatter.
/// </summary>
internal sealed class FormatterCaptureLogger : ILogger
{
    /// <summary>The last message the formatter rendered.</summary>
    public string? Message { get; private set; }

    /// <summary>The provider's message for the same state.</summary>
    public string? OurMessage { get; private set; }

    /// <summary>How often the provider called the caller's formatter for it.</summary>
    public int OurFormatterCalls { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Message = formatter(state, exception);

        var fields = new RecordFields();
        fields.Collect(state, scopes: null, FieldNames.CamelCase);
        var calls = 0;
        MessageRenderer.Render(state, exception, (s, e) => { calls++; return formatter(s, e); }, fields);
        OurMessage = fields.Message.ToString();
        OurFormatterCalls = calls;
    }
}
