using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>Chained invokes: a <c>CHAINED_INVOKE</c> started with the function name and payload, fired once, its result replayed.</summary>
[TestFixture]
public class InvokeOperationTests
{
    private const string Pricing = "arn:aws:lambda:us-east-1:123456789012:function:pricing:3";

    [Test]
    [CancelAfter(30000)]
    public async Task AnInvokeIsStartedWithTheFunctionNamePayloadAndTenant(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        var output = await driver.InvokeAsync<string, int>(
            (_, context) => context.InvokeAsync<int, int>(Pricing, 21, "price", new InvokeConfig { TenantId = "tenant-7" }),
            cancellationToken);

        var id = OperationIdsTests.FirstRootOperation;
        var start = driver.UpdatesOf(id).Single();
        var request = driver.Service.InvokeRequest(id);
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Pending));
            Assert.That(start.Action, Is.EqualTo(OperationAction.Start));
            Assert.That(start.Type, Is.EqualTo(OperationType.ChainedInvoke));
            Assert.That(start.SubType, Is.EqualTo("ChainedInvoke"));
            Assert.That(start.Name, Is.EqualTo("price"));
            Assert.That(start.ChainedInvokeOptions?.FunctionName, Is.EqualTo(Pricing));
            Assert.That(start.ChainedInvokeOptions?.TenantId, Is.EqualTo("tenant-7"));
            Assert.That(start.Payload, Is.EqualTo("21"));
            Assert.That(request.Payload, Is.EqualTo("21"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AnInvokedFunctionRunsOnceAndItsResultIsReturned(CancellationToken cancellationToken)
    {
        var calls = new ConcurrentQueue<string?>();
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Functions = new Dictionary<string, Func<string?, Task<string?>>>
            {
                [Pricing] = payload =>
                {
                    calls.Enqueue(payload);
                    return Task.FromResult<string?>((int.Parse(payload!, CultureInfo.InvariantCulture) * 2).ToString(CultureInfo.InvariantCulture));
                },
            },
        });

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                var price = await context.InvokeAsync<int, int>(Pricing, 21, "price");
                await context.WaitAsync(TimeSpan.FromSeconds(1), "pause");
                return price;
            },
            cancellationToken).WaitAsync(cancellationToken);

        var invoke = result.OperationsNamed("price").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo(42));
            Assert.That(calls, Is.EqualTo(new[] { "21" }), "the function is invoked once");
            Assert.That(invoke.Type, Is.EqualTo(OperationType.ChainedInvoke));
            Assert.That(invoke.Status, Is.EqualTo(OperationStatus.Succeeded));
            Assert.That(invoke.ChainedInvokeDetails?.Result, Is.EqualTo("42"));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task InvokingAFunctionTheRunnerDoesNotKnowThrowsInvokeException(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        Exception? seen = null;

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                try
                {
                    await context.InvokeAsync<int, int>("arn:aws:lambda:us-east-1:123456789012:function:missing:1", 1, "missing");
                }
                catch (Exception exception)
                {
                    seen = exception;
                }

                return "handled";
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Result, Is.EqualTo("handled"));
            Assert.That(seen, Is.TypeOf<InvokeException>());
            Assert.That(seen?.Message, Does.Contain("function:missing:1"));
            Assert.That(result.OperationsNamed("missing").Single().Status, Is.EqualTo(OperationStatus.Failed));
        });
    }
}
