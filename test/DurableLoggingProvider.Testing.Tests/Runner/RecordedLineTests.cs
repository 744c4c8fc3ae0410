using System.Linq;
using System.Threading.Tasks;
using System.Threading;
using System;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Testing.Tests.Support;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Runner;

/// <summary>
/// The runner learns which invocation wrote a line from what the sink kept when the line was written, never by
/// reading the line back: every format is attributed, and a line without a request id is not lost.
/// </summary>
[TestFixture]
public class RecordedLineTests
{
    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task InTheTextFormatEveryInvocationsLinesAreKeptWithTheirLevelAndRequestId(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { LogFormat = DurableLogFormat.Text });
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("ord-1", async (orderId, context) =>
        {
            logger.LogInformation("Order {OrderId} received", orderId);
            await context.WaitAsync(TimeSpan.FromMinutes(10), "review-window");
            logger.LogWarning("Order {OrderId} reviewed", orderId);
            return "done";
        }, cancellationToken);

        var second = result.Invocations[1];
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.RecordedLines.Select(line => line.Message), Is.EqualTo(new[] { "Order ord-1 received", "Order ord-1 reviewed" }));
            Assert.That(second.RecordedLines.Single().Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(second.RecordedLines.Single().RequestId, Is.EqualTo(second.RequestId));
            Assert.That(second.RecordedLines.Single().Format, Is.EqualTo(DurableLogFormat.Text));
            Assert.That(second.Lines.Single().Split('\t')[1], Is.EqualTo(second.RequestId));
            Assert.That(result.Records, Is.Empty, "Records holds parsed JSON lines only");
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ALineWrittenOutsideTheInvocationsContextIsReportedAsWithoutARequestId(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("ord-1", async (orderId, context) =>
        {
            // A thread that does not flow the execution context loses the invocation: its line has no request id.
            var lost = new Thread(() => logger.LogError("lost the context"));
            lost.UnsafeStart();
            lost.Join();
            await Task.Yield();
            return "done";
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations.Single().Lines, Is.Empty);
            Assert.That(result.LinesWithoutRequestId.Select(line => line.Message), Is.EqualTo(new[] { "lost the context" }));
            Assert.That(result.LinesWithoutRequestId.Single().Json().GetProperty("level").GetString(), Is.EqualTo("ERROR"));
        });
    }

    [Test]
    [CancelAfter(RunnerCalls.TimeoutMilliseconds)]
    public async Task ALineWrittenBetweenInvocationsIsReportedAsWithoutARequestIdAndNotAsAStartUpLine(CancellationToken cancellationToken)
    {
        ILogger? outside = null;
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            AnswerCallback = _ =>
            {
                outside?.LogInformation("answering");
                return CallbackAnswer.Succeed("\"yes\"");
            },
        });
        outside = runner.LoggerFactory.CreateLogger("Outside");
        outside.LogInformation("before the run");

        var result = await runner.RunAsync<string, string>(
            "ord-1", async (_, context) => await (await context.CreateCallbackAsync<string>("approval")).GetResultAsync(), cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.StartupLines.Select(line => line.Message), Is.EqualTo(new[] { "before the run" }));
            Assert.That(result.LinesWithoutRequestId.Select(line => line.Message), Is.EqualTo(new[] { "answering" }));
            Assert.That(result.RecordedLines.Select(line => line.Message), Is.EqualTo(new[] { "before the run" }), "lines between invocations belong to none");
        });
    }
}
