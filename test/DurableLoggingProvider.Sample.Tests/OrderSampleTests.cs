using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Sample.Hosting;
using NUnit.Framework;

namespace DurableLoggingProvider.Sample.Tests;

/// <summary>
/// Runs the README's first command's workflow and checks its summary against what the workflow must do:
/// four invocations (the payment retry, the review wait, the approval callback), each line once.
/// </summary>
[TestFixture]
[NonParallelizable]
public partial class OrderSampleTests
{
    // Lines each invocation writes, counted from the workflow's code:
    // start-up 1; invocation 1: received, valid, 3 reservations, inventory reserved, charging, gateway timeout (8);
    // invocation 2: charging, accepted, waiting (3); invocation 3: approval requested (1);
    // invocation 4: approved, emailed, 3 warehouse lines, completed (6).
    private const int LinesWrittenOnce = 1 + 8 + 3 + 1 + 6;

    // Log calls in replayed code: received and inventory-reserved in invocation 2, plus waiting in 3 and 4.
    private const int ReplayedCalls = 2 + 3 + 3;

    private const string StartUpMessage = "Start-up: lines written outside any invocation are never gated";

    [Test]
    [CancelAfter(60_000)]
    public async Task TheDefaultRunWritesEveryLineOnceOverFourInvocations(CancellationToken cancellationToken)
    {
        var (summary, output) = await RunAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(summary.Invocations, Is.EqualTo(4));
            Assert.That(summary.LinesWritten, Is.EqualTo(LinesWrittenOnce));
            Assert.That(summary.LinesKeptOut, Is.EqualTo(ReplayedCalls));
            Assert.That(summary.Duplicates, Is.Empty);
            Assert.That(summary.Result, Is.EqualTo("ord-1001 charged 72.50 USD (txn-ord-1001-2), approved by m.rivera"));
            Assert.That(output, Does.Contain("Written twice:  none"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task EachInvocationIsFramedByLambdasPlatformLines(CancellationToken cancellationToken)
    {
        var (_, output) = await RunAsync(cancellationToken, "--format", "json");
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(line => StartLine().IsMatch(line)), Is.EqualTo(4));
            Assert.That(lines.Count(line => EndLine().IsMatch(line)), Is.EqualTo(4));
            Assert.That(lines.Count(line => ReportLine().IsMatch(line)), Is.EqualTo(4));
            Assert.That(lines.Count(line => line.StartsWith("REPORT", System.StringComparison.Ordinal) && line.Contains("Init Duration", System.StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task WithTheGateOffTheReplayedLinesAreWrittenAgain(CancellationToken cancellationToken)
    {
        var (summary, _) = await RunAsync(cancellationToken, "--replay-mode", "emit", "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(summary.LinesWritten, Is.EqualTo(LinesWrittenOnce + ReplayedCalls));
            Assert.That(summary.LinesKeptOut, Is.Zero);
            Assert.That(summary.Duplicates, Has.Count.EqualTo(3), "received, inventory reserved and waiting are written again");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task MarkModeWritesReplayedLinesWithTheReplayFlag(CancellationToken cancellationToken)
    {
        var (summary, output) = await RunAsync(cancellationToken, "--replay-mode", "mark", "--format", "json");

        Assert.Multiple(() =>
        {
            Assert.That(summary.LinesWritten, Is.EqualTo(LinesWrittenOnce + ReplayedCalls));
            Assert.That(output.Split('\n').Count(line => line.Contains("\"replay\":true", System.StringComparison.Ordinal)), Is.EqualTo(ReplayedCalls));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task TheTextFormatWritesTheSameLinesAsTabSeparatedText(CancellationToken cancellationToken)
    {
        var (summary, output) = await RunAsync(cancellationToken, "--format", "text");

        Assert.Multiple(() =>
        {
            Assert.That(summary.LinesWritten, Is.EqualTo(LinesWrittenOnce));
            Assert.That(summary.Duplicates, Is.Empty);
            Assert.That(output, Does.Contain("\tINFO\tOrder ord-1001 received from ana@example.com with 3 items"));
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task TheStartUpLineIsPrintedOnceBeforeTheFirstInvocation(CancellationToken cancellationToken)
    {
        var (_, output) = await RunAsync(cancellationToken, "--format", "json");
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        var startUp = lines.FindAll(line => line.StartsWith('{') && JsonDocument.Parse(line).RootElement.GetProperty("message").GetString() == StartUpMessage);

        Assert.Multiple(() =>
        {
            Assert.That(startUp, Has.Count.EqualTo(1));
            Assert.That(lines.IndexOf(startUp[0]), Is.LessThan(lines.FindIndex(line => StartLine().IsMatch(line))), "before the first START, as a function's init lines are");
            Assert.That(JsonDocument.Parse(startUp[0]).RootElement.TryGetProperty("requestId", out _), Is.False, "written outside any invocation");
        });
    }

    [Test]
    public void AnUnknownOptionIsRefusedWithAPointerToHelp()
    {
        var problem = Assert.Throws<System.ArgumentException>(() => SampleOptions.Parse(["--colour"]));

        Assert.That(problem!.Message, Does.Contain("--colour").And.Contain("--help"));
    }

    private static async Task<(SampleSummary Summary, string Output)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        var summary = await SampleApp.RunAsync(SampleOptions.Parse(args), output).WaitAsync(cancellationToken);
        return (summary, output.ToString());
    }

    [GeneratedRegex(@"^START RequestId: [0-9a-f-]{36} Version: \$LATEST$")]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^END RequestId: [0-9a-f-]{36}$")]
    private static partial Regex EndLine();

    [GeneratedRegex(@"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB\tMax Memory Used: \d+ MB\t(Init Duration: \d+\.\d{2} ms\t)?$")]
    private static partial Regex ReportLine();
}
