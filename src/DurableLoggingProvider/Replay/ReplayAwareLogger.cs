using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Gives any other <see cref="ILogger"/> (a Serilog, NLog or console logger) the same replay gate as the
/// durable logging provider, and the durable fields (<c>executionArn</c>, <c>requestId</c>, <c>parentId</c>,
/// <c>operationId</c>, <c>operationName</c>, <c>attempt</c>, and <c>replay</c> when marked), and the trace
/// (<c>traceId</c>, and <c>otelTraceId</c> and <c>otelSpanId</c> inside an activity) as a scope on each line it writes,
/// named in camelCase or, with <see cref="FieldNaming.SnakeCase"/> or <see cref="FieldNaming.PascalCase"/>, in that casing.
/// </summary>
/// <example>
/// <code>
/// var logger = new ReplayAwareLogger(serilogFactory.CreateLogger("Orders"));
/// logger.LogInformation("Order {OrderId} received", id);   // written once across replays
/// </code>
/// </example>
public sealed class ReplayAwareLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly ReplayMode _mode;
    private readonly FieldNaming _naming;

    /// <summary>Wraps a logger; the durable fields are named in camelCase.</summary>
    /// <param name="inner">The logger that writes.</param>
    /// <param name="mode">What happens to lines written while the durable context replays; an execution's own mode wins.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is not defined.</exception>
    public ReplayAwareLogger(ILogger inner, ReplayMode mode = ReplayMode.Suppress)
        : this(inner, mode, FieldNaming.CamelCase)
    {
    }

    /// <summary>Wraps a logger, naming the durable fields as <paramref name="fieldNaming"/> says (as the provider's <see cref="DurableLoggerOptions.FieldNaming"/> does).</summary>
    /// <param name="inner">The logger that writes.</param>
    /// <param name="mode">What happens to lines written while the durable context replays; an execution's own mode wins.</param>
    /// <param name="fieldNaming">How the durable fields are named: <c>executionArn</c> or <c>execution_arn</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> or <paramref name="fieldNaming"/> is not defined.</exception>
    public ReplayAwareLogger(ILogger inner, ReplayMode mode, FieldNaming fieldNaming)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentException($"Replay mode {(int)mode} is not one of Suppress, Emit, Mark.", nameof(mode));
        }

        if (!Enum.IsDefined(fieldNaming))
        {
            throw new ArgumentException($"Field naming {(int)fieldNaming} is not one of {string.Join(", ", Enum.GetNames<FieldNaming>())}.", nameof(fieldNaming));
        }

        _inner = inner;
        _mode = mode;
        _naming = fieldNaming;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) =>
        ReplayGate.Decide(DurableLogContext.CurrentFrame?.Context, _mode) != ReplayDecision.Suppress && _inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var frame = DurableLogContext.CurrentFrame;
        var decision = ReplayGate.Decide(frame?.Context, _mode);
        if (decision == ReplayDecision.Suppress)
        {
            return;
        }

        var fields = DurableFieldsScope.For(frame, decision == ReplayDecision.Mark, _naming);
        using (DurableFieldsScope.BeginHandOff())
        {
            if (fields is null)
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            using (_inner.BeginScope(fields))
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
