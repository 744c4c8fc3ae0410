using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>Options a test changes by hand, telling the listeners still registered, as a configuration reload does.</summary>
internal sealed class ChangingOptionsMonitor(DurableLoggerOptions options) : IOptionsMonitor<DurableLoggerOptions>
{
    private readonly List<Action<DurableLoggerOptions, string?>> _listeners = [];

    public DurableLoggerOptions CurrentValue { get; private set; } = options;

    public DurableLoggerOptions Get(string? name) => CurrentValue;

    public void Change(DurableLoggerOptions changed)
    {
        CurrentValue = changed;
        foreach (var listener in _listeners.ToArray())
        {
            listener(changed, null);
        }
    }

    public IDisposable? OnChange(Action<DurableLoggerOptions, string?> listener)
    {
        _listeners.Add(listener);
        return new Registration(() => _listeners.Remove(listener));
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
