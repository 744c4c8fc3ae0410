using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution.Tests.Engine;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// Only the options that are set are sent (durable-wire-format.md, section 4): the updates the engine sent,
/// serialized as the Lambda client puts them on the wire, carry no option field it was not given; a
/// callback without timeouts carries no <c>TimeoutSeconds: 0</c> that AWS's local server would time out at once.
/// </summary>
[TestFixture]
public class CheckpointOptionsWireTests
{
    private static readonly string s_firstId = OperationIdsTests.FirstRootOperation;

    [Test]
    [CancelAfter(30000)]
    public async Task ACallbackWithoutTimeoutsLeavesBothOutOfItsOptionsOnTheWire(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        await driver.InvokeAsync<string, string>(async (_, context) => await (await context.CreateCallbackAsync<string>("approval")).GetResultAsync(), cancellationToken);

        var options = WireUpdate(driver.UpdatesOf(s_firstId).Single()).GetProperty("CallbackOptions");
        Assert.That(PropertyNames(options), Is.Empty);
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ACallbackWithOnlyATimeoutSendsOnlyTheTimeout(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        await driver.InvokeAsync<string, string>(
            async (_, context) => await (await context.CreateCallbackAsync<string>("approval", new CallbackConfig { Timeout = TimeSpan.FromMinutes(2) })).GetResultAsync(),
            cancellationToken);

        var options = WireUpdate(driver.UpdatesOf(s_firstId).Single()).GetProperty("CallbackOptions");
        Assert.Multiple(() =>
        {
            Assert.That(PropertyNames(options), Is.EqualTo(new[] { "TimeoutSeconds" }));
            Assert.That(options.GetProperty("TimeoutSeconds").GetInt32(), Is.EqualTo(120));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AWaitForCallbackWithoutTimeoutsLeavesBothOutOfItsCallbacksOptionsOnTheWire(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();

        await driver.InvokeAsync<string, string>((_, context) => context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "approval"), cancellationToken);

        var start = driver.Updates.Single(update => update is { Type: OperationType.Callback, Action: OperationAction.Start });
        Assert.That(PropertyNames(WireUpdate(start).GetProperty("CallbackOptions")), Is.Empty);
    }

    [Test]
    [CancelAfter(30000)]
    public async Task NoUpdateOfAWorkflowWithoutOptionalSettingsCarriesAnOptionItWasNotGiven(CancellationToken cancellationToken)
    {
        using var driver = new InvocationDriver();
        var failures = 0;
        Func<string?, IDurableContext, Task<string>> handler = async (_, context) =>
        {
            await context.StepAsync(_ => ++failures < 2 ? throw new InvalidOperationException("try again") : Task.FromResult(1), "flaky");
            await context.WaitAsync(TimeSpan.FromSeconds(3), "pause");
            await context.RunInChildContextAsync(child => child.StepAsync(_ => Task.FromResult(2), "inner"), "child");
            await context.MapAsync(new[] { 1, 2 }, (item, value, _) => item.StepAsync(_ => Task.FromResult(value), "item"), "items");
            var callback = await context.CreateCallbackAsync<string>("approval");
            await context.WaitForCallbackAsync<string>((_, _) => Task.CompletedTask, "review");
            await context.InvokeAsync<string, string>("other-function", "payload", "call");
            return await callback.GetResultAsync();
        };

        var output = await driver.InvokeAsync(handler, cancellationToken);
        for (var invocation = 0; output.Status == InvocationStatus.Pending && invocation < 10; invocation++)
        {
            AnswerEverythingPending(driver);
            output = await driver.InvokeAsync(handler, cancellationToken);
        }

        var wire = driver.Updates.Select(WireUpdate).ToList();
        var options = wire.SelectMany(update => update.EnumerateObject().Where(property => property.Name.EndsWith("Options", StringComparison.Ordinal))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(output.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(options.Select(option => option.Name).Distinct(), Is.EquivalentTo(new[] { "StepOptions", "WaitOptions", "CallbackOptions", "ChainedInvokeOptions" }));
            Assert.That(wire.SelectMany(update => update.EnumerateObject()).Where(property => property.Value.ValueKind == JsonValueKind.Null), Is.Empty, "no null is written");
            foreach (var option in options)
            {
                var fields = option.Value.EnumerateObject().ToList();
                Assert.That(fields.Where(field => field.Value.ValueKind is JsonValueKind.Null || (field.Value.ValueKind is JsonValueKind.Number && field.Value.GetInt32() == 0)), Is.Empty, option.Name);
            }

            Assert.That(
                options.Where(option => option.Name == "ChainedInvokeOptions").Select(option => PropertyNames(option.Value)),
                Is.EqualTo(new[] { new[] { "FunctionName" } }),
                "no tenant was given");
        });
    }

    /// <summary>One update as the Lambda client writes it inside a <c>CheckpointDurableExecution</c> call, parsed back.</summary>
    private static JsonElement WireUpdate(OperationUpdate update)
    {
        var request = new CheckpointRequest { DurableExecutionArn = InvocationDriver.DefaultExecutionArn, CheckpointToken = "token", Updates = [update] };
        using var document = JsonDocument.Parse(DurableWireFormat.SerializeCheckpointRequest(request));
        return document.RootElement.GetProperty("Updates")[0].Clone();
    }

    private static List<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(property => property.Name).ToList();

    private static void AnswerEverythingPending(InvocationDriver driver)
    {
        foreach (var callback in driver.Service.PendingCallbacks())
        {
            driver.Service.SucceedCallback(callback.CallbackDetails!.CallbackId!, "\"yes\"");
        }

        foreach (var invoke in driver.Service.PendingInvokes())
        {
            driver.Service.CompleteInvoke(invoke.Id, "\"done\"");
        }

        if (driver.Service.NextTimer() is { } next)
        {
            driver.Service.AdvanceTo(next);
        }
    }
}
