using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Gives any other <see cref="ILogger"/> (a Serilog, NLog or console logger) the same replay gate as the
/// durable logging provider, and the durable fields (<c>executionArn</c>, <c>requestId</c>, <c>parentId</c>,
/// <c>operationId</c>, <c>operationName</c>, <c>attempt</c>) as a scope on each line it writes.
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

    /// <summary>Wraps a logger.</summary>
    /// <param name="inner">The logger that writes.</param>
    /// <param name="mode">What happens to lines written while the durable context replays; an execution's own mode wins.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is not defined.</exception>
    public ReplayAwareLogger(ILogger inner, ReplayMode mode = ReplayMode.Suppress)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentException($"Replay mode {(int)mode} is not one of Suppress, Emit, Mark.", nameof(mode));
        }

        _inner = inner;
        _mode = mode;
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

        var fields = ContextFields(frame, decision == ReplayDecision.Mark);
        if (fields.Count == 0)
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        using (_inner.BeginScope(fields))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    private static DurableFieldsScope ContextFields(AmbientFrame? frame, bool isReplay)
    {
        var fields = new DurableFieldsScope();
        if (frame?.Context is { } context)
        {
            fields.Add(new("executionArn", context.ExecutionArn));
        }

        if (frame?.Invocation is { } invocation)
        {
            fields.Add(new("requestId", invocation.RequestId));
        }

        if (frame?.Context?.ParentId is { } parentId)
        {
            fields.Add(new("parentId", parentId));
        }

        if (frame?.Operation is { } operation)
        {
            fields.Add(new("operationId", operation.Id));
            if (operation.Name is not null)
            {
                fields.Add(new("operationName", operation.Name));
            }

            if (operation.Attempt is { } attempt)
            {
                fields.Add(new("attempt", attempt));
            }
        }

        if (isReplay)
        {
            fields.Add(new("replay", true));
        }

        return fields;
    }
}
