using System;
using Microsoft.Extensions.Options;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>Options that never change, for building a provider by hand.</summary>
internal sealed class StaticOptionsMonitor(DurableLoggerOptions options) : IOptionsMonitor<DurableLoggerOptions>
{
    public DurableLoggerOptions CurrentValue => options;

    public DurableLoggerOptions Get(string? name) => options;

    public IDisposable? OnChange(Action<DurableLoggerOptions, string?> listener) => null;
}
