using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using ZLogger;

namespace DurableLoggingProvider.Benchmarks.Peers;

/// <summary>
/// ZLogger 2.6.1 behind Microsoft.Extensions.Logging (<c>AddZLoggerLogProcessor</c>), with scopes on (the
/// durable fields arrive as one scope), its System.Text.Json formatter and <see cref="CallerThreadProcessor"/>:
/// each entry is formatted on the logging thread into a reused buffer and written to the stream before the
/// call returns, as a Lambda function needs (ZLogger's own stream and console providers format on a
/// background thread, which a frozen Lambda process never runs).
/// </summary>
internal static class ZLoggerSetup
{
    public static ServiceProvider Build(Stream output)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddZLoggerLogProcessor(options =>
        {
            options.IncludeScopes = true;
            options.TimeProvider = SevenDigitClock.Instance;
            options.UseJsonFormatter(formatter => formatter.UseUtcTimestamp = true);
            return new CallerThreadProcessor(options.CreateFormatter(), output);
        }));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The system clock, with the last digit of its ticks never zero: ZLogger's JSON timestamp drops trailing
    /// zeros of the fraction, and the benchmark's cleanup requires every line to have the checked line's length.
    /// </summary>
    private sealed class SevenDigitClock : TimeProvider
    {
        public static readonly SevenDigitClock Instance = new();

        public override DateTimeOffset GetUtcNow()
        {
            var now = System.GetUtcNow();
            return new DateTimeOffset(now.Ticks | 1, TimeSpan.Zero);
        }
    }
}
