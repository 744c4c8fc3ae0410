using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Another provider (one that keeps its own scopes) behind the replay gate. The logger factory's filter rules
/// reach the wrapped provider through <see cref="GatedLoggers"/>, under the provider's own names.
/// </summary>
internal sealed class GatedLoggerProvider : ILoggerProvider
{
    private readonly GatedLoggers _loggers;

    public GatedLoggerProvider(GatedLoggers loggers)
    {
        _loggers = loggers;
    }

    public ILoggerProvider Inner => _loggers.Inner;

    public ILogger CreateLogger(string categoryName) => _loggers.CreateLogger(categoryName);

    /// <summary>Does nothing: the wrapped provider belongs to the service provider, which disposes it.</summary>
    public void Dispose()
    {
    }
}
