using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DurableLoggingProvider.Tests.Support;

/// <summary>A service provider with the durable provider registered, writing to a recording sink at a fixed time.</summary>
internal sealed class TestLogging : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 7, 22, 10, 11, 12, 345, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public TestLogging(Action<DurableLoggerOptions>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogSink>(Sink);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddDurableLogging(configure);
            logging?.Invoke(builder);
        });
        _services = services.BuildServiceProvider();
    }

    public RecordingLogSink Sink { get; } = new();

    public IServiceProvider Services => _services;

    public ILogger Logger(string category = "Tests.Category") => _services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    public IReadOnlyList<System.Text.Json.JsonElement> Records => Sink.JsonRecords();

    public void Dispose() => _services.Dispose();
}
