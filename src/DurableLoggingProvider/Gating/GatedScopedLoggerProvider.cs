using System;
using Microsoft.Extensions.Logging;

namespace DurableLoggingProvider;

/// <summary>
/// Another provider that reads the logger factory's shared scopes (<see cref="ISupportExternalScope"/>) behind the
/// replay gate. It stays one to the factory, so scopes opened on any logger reach it as before.
/// </summary>
internal sealed class GatedScopedLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly GatedLoggers _loggers;

    public GatedScopedLoggerProvider(GatedLoggers loggers)
    {
        _loggers = loggers;
    }

    public ILoggerProvider Inner => _loggers.Inner;

    public ILogger CreateLogger(string categoryName) => _loggers.CreateLogger(categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        ArgumentNullException.ThrowIfNull(scopeProvider);
        _loggers.SetScopeProvider(scopeProvider);
    }

    /// <summary>Does nothing: the wrapped provider belongs to the service provider, which disposes it.</summary>
    public void Dispose()
    {
    }
}
