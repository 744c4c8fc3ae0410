using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Operations;

/// <summary>
/// The ids and names a test can read while the workflow runs: a context's own operation, and a step's, a
/// check's and a submitter's, each matching what the service records.
/// </summary>
[TestFixture]
public class OperationIdentityTests
{
    private static readonly string s_first = OperationIds.Create(null, 1);

    [Test]
    [CancelAfter(30000)]
    public async Task TheRootContextHasNoOperationOfItsOwn(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner();
        string?[] seen = [];

        await runner.RunAsync<string, string>(
            "input",
            (_, context) =>
            {
                seen = [context.OperationId, context.ParentId, context.OperationName];
                return Task.FromResult("done");
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.That(seen, Is.EqualTo(new string?[] { null, null, null }));
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AStepBodySeesTheIdParentAndNameTheServiceRecordsForItsStep(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        var seen = new ConcurrentDictionary<string, (string Id, string? ParentId, string? Name)>();

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                await context.StepAsync(step => Record(seen, "root", step), "at the root");
                return await context.RunInChildContextAsync(child => child.StepAsync(step => Record(seen, "child", step), "in the child"), "child");
            },
            cancellationToken).WaitAsync(cancellationToken);

        var child = result.OperationsNamed("child").Single();
        var rootStep = result.OperationsNamed("at the root").Single();
        var childStep = result.OperationsNamed("in the child").Single();
        Assert.Multiple(() =>
        {
            Assert.That(seen["root"], Is.EqualTo((s_first, (string?)null, (string?)"at the root")));
            Assert.That(seen["root"].Id, Is.EqualTo(rootStep.Id));
            Assert.That(seen["child"], Is.EqualTo((OperationIds.Create(child.Id, 1), (string?)child.Id, (string?)"in the child")));
            Assert.That(seen["child"].Id, Is.EqualTo(childStep.Id));
            Assert.That(seen["child"].ParentId, Is.EqualTo(childStep.ParentId));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task ANestedChildContextKnowsItsOwnOperationAndTheOneItRunsIn(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        string?[] outer = [];
        string?[] inner = [];

        var result = await runner.RunAsync<string, string>(
            "input",
            (_, context) => context.RunInChildContextAsync(
                outerContext =>
                {
                    outer = [outerContext.OperationId, outerContext.ParentId, outerContext.OperationName];
                    return outerContext.RunInChildContextAsync(
                        innerContext =>
                        {
                            inner = [innerContext.OperationId, innerContext.ParentId, innerContext.OperationName];
                            return Task.FromResult("done");
                        },
                        "inner");
                },
                "outer"),
            cancellationToken).WaitAsync(cancellationToken);

        var outerOperation = result.OperationsNamed("outer").Single();
        var innerOperation = result.OperationsNamed("inner").Single();
        Assert.Multiple(() =>
        {
            Assert.That(outer, Is.EqualTo(new string?[] { s_first, null, "outer" }));
            Assert.That(outerOperation.Id, Is.EqualTo(s_first));
            Assert.That(inner, Is.EqualTo(new string?[] { OperationIds.Create(s_first, 1), s_first, "inner" }));
            Assert.That(innerOperation.Id, Is.EqualTo(inner[0]));
            Assert.That(innerOperation.ParentId, Is.EqualTo(inner[1]));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task AConditionCheckAndACallbackSubmitterSeeTheirOperations(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            Service = new InMemoryServiceOptions { PruneFinishedContexts = false },
            AnswerCallback = _ => CallbackAnswer.Succeed("\"yes\""),
        });
        string?[] check = [];
        string?[] submitter = [];

        var result = await runner.RunAsync<string, string>(
            "input",
            async (_, context) =>
            {
                await context.WaitForConditionAsync<int>(
                    (state, checkContext, _) =>
                    {
                        check = [checkContext.OperationId, checkContext.ParentId, checkContext.OperationName];
                        return Task.FromResult(state + 1);
                    },
                    new WaitForConditionConfig<int> { InitialState = 0, WaitStrategy = WaitStrategy.FromDelegate<int>((_, _) => WaitDecision.Stop()) },
                    "poll");
                return await context.WaitForCallbackAsync<string>(
                    (_, submitterContext) =>
                    {
                        submitter = [submitterContext.OperationId, submitterContext.ParentId, submitterContext.OperationName];
                        return Task.CompletedTask;
                    },
                    "approval");
            },
            cancellationToken).WaitAsync(cancellationToken);

        var waitForCallback = result.OperationsNamed("approval").Single(operation => operation.Type == OperationType.Context);
        var submitterStep = result.OperationsNamed("submitter").Single();
        Assert.Multiple(() =>
        {
            Assert.That(check, Is.EqualTo(new string?[] { s_first, null, "poll" }));
            Assert.That(submitter, Is.EqualTo(new string?[] { submitterStep.Id, waitForCallback.Id, "submitter" }));
            Assert.That(submitterStep.ParentId, Is.EqualTo(waitForCallback.Id));
        });
    }

    private static Task<string> Record(ConcurrentDictionary<string, (string, string?, string?)> seen, string key, IStepContext step)
    {
        seen[key] = (step.OperationId, step.ParentId, step.OperationName);
        return Task.FromResult(key);
    }
}
