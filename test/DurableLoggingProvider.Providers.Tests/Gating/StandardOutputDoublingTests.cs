using System;
using System.Linq;
using System.Text.Json;
using DurableLoggingProvider.Providers.Tests.Capture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Gating;

/// <summary>
/// Inside Lambda, another provider that also writes to standard output doubles every line in CloudWatch: one
/// start-up line names it and the fix. Providers whose destination cannot be known are not named.
/// </summary>
[TestFixture]
[NonParallelizable]
public class StandardOutputDoublingTests
{
    private const string ConsoleProvider = "Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider";

    [Test]
    public void InLambdaTheSimpleConsoleProviderIsNamedWithTheFixInOneWarning()
    {
        using var lambda = new LambdaEnvironmentVariable("orders");
        using var console = new SimpleConsoleCapture();

        var warnings = StartUpWarnings(console.AddTo);

        Assert.That(warnings, Has.Length.EqualTo(1));
        var warning = warnings[0];
        Assert.Multiple(() =>
        {
            Assert.That(warning.GetProperty("level").GetString(), Is.EqualTo("WARN"));
            Assert.That(warning.GetProperty("message").GetString(), Does.StartWith($"{ConsoleProvider} also writes to standard output"));
            Assert.That(warning.GetProperty("message").GetString(), Does.Contain("builder.Logging.ClearProviders() before AddDurableLogging()"));
        });
    }

    [Test]
    public void InLambdaTheJsonConsoleProviderIsNamedToo()
    {
        using var lambda = new LambdaEnvironmentVariable("orders");
        using var console = new JsonConsoleCapture();

        var warnings = StartUpWarnings(console.AddTo);

        Assert.That(warnings.Select(warning => warning.GetProperty("message").GetString()), Has.One.StartsWith(ConsoleProvider));
    }

    [Test]
    public void InLambdaAConsoleProviderLeftUngatedStillDoublesEachLineAndIsNamed()
    {
        using var lambda = new LambdaEnvironmentVariable("orders");
        using var console = new SimpleConsoleCapture();

        var warnings = StartUpWarnings(logging =>
        {
            console.AddTo(logging);
            logging.Services.Configure<DurableLoggerOptions>(options => options.UngatedProviders.Add("Console"));
        });

        Assert.That(warnings, Has.Length.EqualTo(1));
    }

    [Test]
    public void OutsideLambdaNothingIsSaid()
    {
        using var lambda = new LambdaEnvironmentVariable(null);
        using var console = new SimpleConsoleCapture();

        Assert.That(StartUpWarnings(console.AddTo), Is.Empty);
    }

    [Test]
    public void InLambdaProvidersWhoseDestinationCannotBeKnownAreNotNamed()
    {
        using var lambda = new LambdaEnvironmentVariable("orders");
        using var serilog = new SerilogCapture();
        using var nlog = new NLogCapture();
        using var openTelemetry = new OpenTelemetryCapture();

        var warnings = StartUpWarnings(logging =>
        {
            serilog.AddTo(logging);
            nlog.AddTo(logging);
            openTelemetry.AddTo(logging);
        });

        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void InLambdaClearingTheProvidersBeforeAddDurableLoggingLeavesNothingToSay()
    {
        using var lambda = new LambdaEnvironmentVariable("orders");
        using var console = new SimpleConsoleCapture();
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(logging =>
        {
            console.AddTo(logging);
            logging.ClearProviders();
            logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json);
        });

        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Orders").LogInformation("the only line");
        }

        Assert.That(sink.JsonRecords().Select(record => record.GetProperty("message").GetString()), Is.EqualTo(new[] { "the only line" }));
    }

    /// <summary>The durable provider's start-up warnings (category <c>DurableLoggingProvider</c>) once the logger factory is built.</summary>
    private static JsonElement[] StartUpWarnings(Action<ILoggingBuilder> more)
    {
        var sink = new RecordingLogSink();
        var services = new ServiceCollection().AddSingleton<ILogSink>(sink);
        services.AddLogging(logging =>
        {
            logging.AddDurableLogging(options => options.Format = DurableLogFormat.Json);
            more(logging);
        });
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<ILoggerFactory>();
        }

        return sink.JsonRecords().Where(record => record.TryGetProperty("category", out var category) && category.GetString() == "DurableLoggingProvider").ToArray();
    }
}
