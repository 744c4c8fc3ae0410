using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Documentation;

/// <summary>
/// The examples of docs/durable-engine.md's "Ids and names in tests" and "What each operation throws"
/// sections, as they are written there (each the body of one of the <c>…Example</c> methods), and a check
/// that those sections hold no example this file does not run.
/// </summary>
[TestFixture]
public class DurableEngineGuideExampleTests
{
    private const string GuidePath = "docs/durable-engine.md";
    private const string ThisFilePath = "test/DurableLoggingProvider.Execution.Tests/Documentation/DurableEngineGuideExampleTests.cs";
    private static readonly string[] s_sections = ["## Ids and names in tests", "## What each operation throws"];

    [Test]
    [CancelAfter(30_000)]
    public async Task AStepsIdAndParentAreTheOnesTheServiceRecords(CancellationToken cancellationToken)
    {
        var (result, stepId, stepParent, childId) = await IdsExample().WaitAsync(cancellationToken);

        var child = result.OperationsNamed("reserve").Single();
        var step = result.OperationsNamed("hold stock").Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(stepId, Is.EqualTo(step.Id));
            Assert.That(stepParent, Is.EqualTo(child.Id));
            Assert.That(childId, Is.EqualTo(child.Id));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task MapItemsAndBranchesCarryTheirNames(CancellationToken cancellationToken)
    {
        var result = await NamesExample().WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Operations.Where(operation => operation.SubType == "MapIteration").Select(operation => operation.Name), Is.EquivalentTo(new[] { "order ord-1", "order ord-2" }));
            Assert.That(result.Operations.Where(operation => operation.SubType == "ParallelBranch").Select(operation => operation.Name), Is.EquivalentTo(new[] { "fraud", "stock" }));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AWaitForCallbacksFailureIsCaughtAsACallbackFailure(CancellationToken cancellationToken)
    {
        var result = await CallbackFailureExample().WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.Result, Is.EqualTo("ord-7 not approved: Rejected"));
        });
    }

    [Test]
    public void EveryExampleInTheSectionsIsOneOfThisFilesExamples()
    {
        var root = GuideText.RepositoryRoot();
        var guide = File.ReadAllText(Path.Combine(root, GuidePath)).ReplaceLineEndings("\n");
        var tests = GuideText.Normalized(File.ReadAllText(Path.Combine(root, ThisFilePath)));

        var examples = s_sections
            .SelectMany(heading => GuideText.CSharpBlock().Matches(Section(guide, heading)))
            .Select(match => GuideText.Normalized(match.Groups["code"].Value))
            .ToList();

        Assert.That(examples, Has.Count.EqualTo(3));
        Assert.That(examples, Has.All.Matches<string>(example => tests.Contains(example, StringComparison.Ordinal)));
    }

    private static async Task<(LocalRunResult<string> Result, string StepId, string? StepParent, string? ChildId)> IdsExample()
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        string stepId = "", childId = "";
        string? stepParent = null;

        var result = await runner.RunAsync<string, string>("ord-1", (order, context) =>
            context.RunInChildContextAsync(async child =>
            {
                childId = child.OperationId!;
                return await child.StepAsync(step =>
                {
                    (stepId, stepParent) = (step.OperationId, step.ParentId);
                    return Task.FromResult($"{order} held");
                }, "hold stock");
            }, "reserve"));

        // result.OperationsNamed("hold stock").Single() has stepId as its Id and stepParent as its ParentId,
        // which is childId, the id of the "reserve" context.
        return (result, stepId, stepParent, childId);
    }

    private static async Task<LocalRunResult<string>> NamesExample()
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });
        var orders = new[] { "ord-1", "ord-2" };

        var result = await runner.RunAsync<string, string>("batch-1", async (batchId, context) =>
        {
            await context.MapAsync(
                orders,
                (item, order, _) => Task.FromResult($"{order} packed"),
                "pack",
                new MapConfig { ItemNamer = index => $"order {orders[index]}" });
            await context.ParallelAsync<bool>(
                [
                    new ParallelBranch<bool>("fraud", _ => Task.FromResult(true)),
                    new ParallelBranch<bool>("stock", _ => Task.FromResult(true)),
                ],
                "checks");
            return $"{batchId} done";
        });

        // The map's items are recorded as "order ord-1" and "order ord-2", the branches as "fraud" and "stock".
        return result;
    }

    private static async Task<LocalRunResult<string>> CallbackFailureExample()
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions
        {
            // The callback carries the wait-for-callback's name, so the test answers it by that name.
            AnswerCallback = pending => pending.Name == "approval" ? CallbackAnswer.Fail("Rejected", "the manager said no") : null,
        });

        var result = await runner.RunAsync<string, string>("ord-7", async (order, context) =>
        {
            try
            {
                return await context.WaitForCallbackAsync<string>((callbackId, _) => Task.CompletedTask, "approval");
            }
            catch (CallbackFailedException exception)
            {
                return $"{order} not approved: {exception.ErrorType}";
            }
        });

        // result.Result is "ord-7 not approved: Rejected".
        return result;
    }

    /// <summary>A section of the guide: from its heading to the next heading of the same level.</summary>
    private static string Section(string guide, string heading)
    {
        var start = guide.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"{GuidePath} has no section '{heading}'");
        var end = guide.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? guide[start..] : guide[start..(end + 1)];
    }
}
