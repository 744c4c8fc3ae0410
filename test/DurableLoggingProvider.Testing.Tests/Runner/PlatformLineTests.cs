using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// With <see cref="LocalRunnerOptions.Output"/> set, the runner prints the log stream as CloudWatch holds it
/// (lambda-log-output.md, "Platform lines"): <c>START RequestId: &lt;id&gt; Version: $LATEST</c>, the
/// invocation's lines, <c>END RequestId: &lt;id&gt;</c>, then
/// <c>REPORT RequestId: &lt;id&gt;\tDuration: 15.74 ms\tBilled Duration: 16 ms\tMemory Size: 128 MB\tMax Memory Used: 56 MB\t</c>
/// with <c>Init Duration: … ms</c> on a cold start.
/// </summary>
[TestFixture]
public class PlatformLineTests
{
    private const string Numbers = @"Duration: (?<duration>\d+\.\d{2}) ms\tBilled Duration: (?<billed>\d+) ms\tMemory Size: (?<memory>\d+) MB\tMax Memory Used: (?<used>\d+) MB\t";

    [OneTimeSetUp]
    public void OutsideLambda() =>
        Assume.That(
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION") ?? Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
            Is.Null,
            "the expected version and memory size are the local defaults");

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task EachInvocationIsPrintedBetweenStartAndEndFollowedByItsReport(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Output = output });

        var result = await RunWithOneWaitAsync(runner, cancellationToken);

        var lines = Lines(output);
        var (first, second) = (result.Invocations[0].RequestId, result.Invocations[1].RequestId);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(8));
            Assert.That(lines[0], Is.EqualTo($"START RequestId: {first} Version: $LATEST"));
            Assert.That(Message(lines[1]), Is.EqualTo((first, "received order-7")));
            Assert.That(lines[2], Is.EqualTo($"END RequestId: {first}"));
            Assert.That(lines[3], Does.Match($@"^REPORT RequestId: {first}\t{Numbers}Init Duration: \d+\.\d{{2}} ms\t$"));
            Assert.That(lines[4], Is.EqualTo($"START RequestId: {second} Version: $LATEST"));
            Assert.That(Message(lines[5]), Is.EqualTo((second, "shipped order-7")));
            Assert.That(lines[6], Is.EqualTo($"END RequestId: {second}"));
            Assert.That(lines[7], Does.Match($@"^REPORT RequestId: {second}\t{Numbers}$"));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheReportCarriesTheMeasuredDurationItsBilledWholeMillisecondsAndTheDefaultMemorySize(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Output = output });

        var result = await RunWithOneWaitAsync(runner, cancellationToken);

        var reports = Reports(output);
        Assert.That(reports, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < reports.Count; i++)
            {
                var duration = double.Parse(reports[i].Groups["duration"].Value, CultureInfo.InvariantCulture);
                var billed = long.Parse(reports[i].Groups["billed"].Value, CultureInfo.InvariantCulture);
                Assert.That(duration, Is.EqualTo(result.Invocations[i].Duration.TotalMilliseconds).Within(0.005));

                // Billed is the true duration rounded up: at most one more than the printed one rounded up.
                Assert.That(billed, Is.InRange(Math.Max(1, (long)Math.Ceiling(duration)), (long)Math.Ceiling(duration) + 1));
                Assert.That(reports[i].Groups["memory"].Value, Is.EqualTo("128"));
                Assert.That(long.Parse(reports[i].Groups["used"].Value, CultureInfo.InvariantCulture), Is.Positive);
            }
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task TheMemorySizeComesFromTheOptionsWhenLambdaDoesNotSetIt(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Output = output, MemorySizeMB = 512 });

        await RunWithOneWaitAsync(runner, cancellationToken);

        Assert.That(Reports(output).Select(report => report.Groups["memory"].Value), Is.All.EqualTo("512"));
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task OnlyTheRunnersFirstInvocationReportsAnInitDurationEvenOverSeveralRuns(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Output = output });

        var first = await RunWithOneWaitAsync(runner, cancellationToken);
        var second = await RunWithOneWaitAsync(runner, cancellationToken);

        var reports = Lines(output).Where(line => line.StartsWith("REPORT ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reports.Select(report => report.Contains("\tInit Duration: ", StringComparison.Ordinal)), Is.EqualTo(new[] { true, false, false, false }));
            Assert.That(first.Invocations.Select(invocation => invocation.InitDuration.HasValue), Is.EqualTo(new[] { true, false }));
            Assert.That(second.Invocations.Select(invocation => invocation.InitDuration), Is.All.Null);
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ACrashedInvocationIsPrintedWithTheLinesItWroteAndItsEndAndReport(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Output = output, CrashAfterCheckpoints = { [1] = 0 } });
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>(
            "order-7",
            async (order, context) =>
            {
                logger.LogInformation("received {Order}", order);
                await context.StepAsync(_ => Task.CompletedTask, "charge", cancellationToken: cancellationToken);
                return "charged";
            },
            cancellationToken);

        var crashed = result.Invocations[0].RequestId;
        var lines = Lines(output);
        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations[0].Crashed, Is.True);
            Assert.That(lines[0], Is.EqualTo($"START RequestId: {crashed} Version: $LATEST"));
            Assert.That(Message(lines[1]), Is.EqualTo((crashed, "received order-7")));
            Assert.That(lines[2], Is.EqualTo($"END RequestId: {crashed}"));
            Assert.That(lines[3], Does.StartWith($"REPORT RequestId: {crashed}\t"));
        });
    }

    /// <summary>Logs, waits a minute (a second invocation), logs again.</summary>
    private static Task<LocalRunResult<string>> RunWithOneWaitAsync(LocalDurableRunner runner, CancellationToken cancellationToken)
    {
        var logger = runner.LoggerFactory.CreateLogger("Orders");
        return runner.RunAsync<string, string>(
            "order-7",
            async (order, context) =>
            {
                logger.LogInformation("received {Order}", order);
                await context.WaitAsync(TimeSpan.FromMinutes(1), "cool-off", cancellationToken);
                logger.LogInformation("shipped {Order}", order);
                return "shipped";
            },
            cancellationToken);
    }

    private static List<string> Lines(StringWriter output) =>
        [.. output.ToString().Split(Environment.NewLine).SkipLast(1)];

    private static List<Match> Reports(StringWriter output) =>
        Lines(output).Select(line => Regex.Match(line, $@"^REPORT RequestId: [^\t]+\t{Numbers}")).Where(match => match.Success).ToList();

    /// <summary>A JSON line's request id and message.</summary>
    private static (string? RequestId, string? Message) Message(string line)
    {
        using var record = JsonDocument.Parse(line);
        return (record.RootElement.GetProperty("requestId").GetString(), record.RootElement.GetProperty("message").GetString());
    }
}
