using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace DurableLoggingProvider.Testing.Tests.Documentation;

/// <summary>The examples of docs/testing.md and the README's testing section, as they are written there.</summary>
[TestFixture]
public class TestingGuideExampleTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task EachLineIsWrittenOnceAcrossInvocations(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Orders");

        var result = await runner.RunAsync<string, string>("ord-1", async (orderId, context) =>
        {
            logger.LogInformation("Order {OrderId} received", orderId);
            await context.StepAsync(_ => Task.FromResult("charged"), "charge");
            await context.WaitAsync(TimeSpan.FromMinutes(10), "review-window");
            logger.LogInformation("Order {OrderId} completed", orderId);
            return "done";
        }, cancellationToken);

        Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
        Assert.That(result.Invocations, Has.Count.EqualTo(2));
        Assert.That(result.RecordsWithMessage("Order ord-1 received"), Has.Count.EqualTo(1));
        Assert.That(
            result.RecordsWithMessage("Order ord-1 completed").Single().GetProperty("requestId").GetString(),
            Is.EqualTo(result.Invocations[1].RequestId));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task TheReadmesTestingExampleHolds(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        var logger = runner.LoggerFactory.CreateLogger("Orders");
        var result = await runner.RunAsync<string, string>("ord-1", async (orderId, context) =>
        {
            logger.LogInformation("Order {OrderId} received", orderId);
            await context.WaitAsync(TimeSpan.FromMinutes(10), "review-window");
            return "done";
        }, cancellationToken);

        Assert.That(result.RecordsWithMessage("Order ord-1 received"), Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task YourOwnServiceProviderAndSinkAreRecorded(CancellationToken cancellationToken)
    {
        var sink = new RecordingLogSink();
        using var services = new ServiceCollection()
            .AddDurableLogging(options => options.Format = DurableLogFormat.Json)
            .AddSingleton<ILogSink>(sink)
            .BuildServiceProvider();

        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
            Sink = sink,
        });
        var logger = services.GetRequiredService<ILogger<TestingGuideExampleTests>>();

        var result = await runner.RunAsync<string, string>("ord-2", async (orderId, context) =>
        {
            await context.WaitAsync(TimeSpan.FromSeconds(30));
            logger.LogInformation("Order {OrderId} resumed", orderId);
            return "done";
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Invocations[1].Records.Select(record => record.GetProperty("message").GetString()), Is.EqualTo(new[] { "Order ord-2 resumed" }));
            Assert.That(sink.JsonRecords().Count(record => record.GetProperty("message").GetString() == "Order ord-2 resumed"), Is.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task TheCallbackInvokeCrashAndPagingOptionsWorkTogether(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            AnswerCallback = pending => CallbackAnswer.Succeed("""{"approved":true}"""),
            Functions = { ["notify:live"] = payload => Task.FromResult<string?>("true") },
            CrashAfterCheckpoints = { [1] = 1 },
            Service = new InMemoryServiceOptions { PageSize = 3, PruneFinishedContexts = false },
        });

        var result = await runner.RunAsync<string, bool>("ord-3", async (orderId, context) =>
        {
            await context.StepAsync(_ => Task.FromResult(1), "reserve");
            var approval = await context.CreateCallbackAsync<Approval>("approval");
            var decision = await approval.GetResultAsync();
            return decision!.Approved && await context.InvokeAsync<string, bool>("notify:live", orderId, "notify");
        }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.True);
            Assert.That(result.Invocations[0].Crashed, Is.True);
            Assert.That(result.Find("approval"), Is.Not.Null);
        });
    }

    /// <summary>The callback's answer in the example.</summary>
    public sealed record Approval(bool Approved);
}
