using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DurableLoggingProvider.Tests.Buffering;

/// <summary>A provider with buffering and sampling as a test sets them, a recording sink and a clock the test moves.</summary>
internal sealed class BufferedLogging : IDisposable
{
    public const string ExecutionArn = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/orders/0001";

    private readonly ServiceProvider _services;

    public BufferedLogging(Action<DurableLoggerOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILogSink>(Sink);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddDurableLogging(options =>
            {
                options.Format = DurableLogFormat.Json;
                configure(options);
            });
        });
        _services = services.BuildServiceProvider();
        Logger = _services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
    }

    public RecordingLogSink Sink { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public ILogger Logger { get; }

    public DurableLoggerProvider Provider => _services.GetServices<ILoggerProvider>().OfType<DurableLoggerProvider>().Single();

    public IReadOnlyList<JsonElement> Records => Sink.JsonRecords();

    public IReadOnlyList<string?> Messages => Records.Select(record => record.GetProperty("message").GetString()).ToList();

    public static DurableContextState Live(string arn = ExecutionArn) => new(arn, isReplaying: false);

    public void Dispose() => _services.Dispose();
}
