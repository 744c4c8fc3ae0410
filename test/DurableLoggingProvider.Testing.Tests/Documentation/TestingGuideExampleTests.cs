using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
            CallbackAnswers = { ["approval"] = CallbackAnswer.Succeed("""{"approved":true}""") },
            AnswerCallback = pending => CallbackAnswer.Succeed("""{"approved":true}"""),
            Functions = { ["notify:live"] = payload => Task.FromResult<string?>("true") },
            CrashAfterCheckpoints = { [1] = 1 },
            CrashAt = { CrashPoint.After("reserve", OperationAction.Succeed) },
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

    [Test]
    [CancelAfter(30_000)]
    public async Task TheRunnerRegisteredOnYourServicesHoldsTheStartUpLines(CancellationToken cancellationToken)
    {
        var order = new Order("ord-4");
        using var services = new ServiceCollection()
            .AddDurableLogging(options => options.Format = DurableLogFormat.Json)
            .AddLocalDurableRunner(new LocalRunnerOptions { Output = Console.Out })
            .AddSingleton<OrderWorkflow>()
            .BuildServiceProvider();

        services.GetRequiredService<ILogger<OrderWorkflow>>().LogInformation("Starting up");
        var runner = services.GetRequiredService<LocalDurableRunner>();
        var workflow = services.GetRequiredService<OrderWorkflow>();

        var result = await runner.RunAsync<Order, Receipt>(order, workflow.RunAsync, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(new Receipt("ord-4", "charged")));
            Assert.That(result.StartupLines.Select(line => line.Message), Is.EqualTo(new[] { "Starting up" }));
            Assert.That(result.RecordedLines[0].Message, Is.EqualTo("Starting up"));
            Assert.That(result.RecordsWithMessage("Charging ord-4"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task TheRunnerRegisteredOnTheGenericHostHoldsTheHostsStartUpLines(CancellationToken cancellationToken)
    {
        var order = new Order("ord-5");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddDurableLogging();
        builder.Services.AddLocalDurableRunner().AddSingleton<OrderWorkflow>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);

        var runner = host.Services.GetRequiredService<LocalDurableRunner>();
        var result = await runner.RunAsync<Order, Receipt>(order, host.Services.GetRequiredService<OrderWorkflow>().RunAsync, cancellationToken);
        await host.StopAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo(new Receipt("ord-5", "charged")));
            Assert.That(result.StartupLines.Where(line => line.Category == "Microsoft.Hosting.Lifetime").Select(line => line.Message), Has.Some.StartsWith("Application started."));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task ACrashPointAimedByIdAtOneInvocationFiresThere(CancellationToken cancellationToken)
    {
        using var first = new LocalDurableRunner();
        var chargeId = (await first.RunAsync<string, string>("ord-6", CoolOffThenCharge, cancellationToken)).Find("charge")!.Operation.Id;

        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            CrashAt =
            {
                new CrashPoint { OperationId = chargeId, Action = OperationAction.Succeed, Moment = CrashMoment.AfterCheckpoint, Invocation = 2 },
            },
        });
        var result = await runner.RunAsync<string, string>("ord-6", CoolOffThenCharge, cancellationToken);

        Assert.That(result.Invocations.Select(invocation => invocation.Crashed), Is.EqualTo(new[] { false, true, false }));
    }

    private static async Task<string> CoolOffThenCharge(string orderId, IDurableContext context)
    {
        await context.WaitAsync(TimeSpan.FromMinutes(1), "cool-off");
        return await context.StepAsync(_ => Task.FromResult($"charged {orderId}"), "charge");
    }

    /// <summary>The callback's answer in the example.</summary>
    public sealed record Approval(bool Approved);

    /// <summary>The examples' order.</summary>
    public sealed record Order(string Id);

    /// <summary>The examples' receipt.</summary>
    public sealed record Receipt(string OrderId, string Status);

    /// <summary>The examples' workflow: a service with an injected logger.</summary>
    public sealed class OrderWorkflow(ILogger<OrderWorkflow> logger)
    {
        public async Task<Receipt> RunAsync(Order order, IDurableContext context)
        {
            var status = await context.StepAsync(
                _ =>
                {
                    logger.LogInformation("Charging {OrderId}", order.Id);
                    return Task.FromResult("charged");
                },
                "charge");
            return new Receipt(order.Id, status);
        }
    }
}
