using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DurableLoggingProvider.Testing;
using NUnit.Framework;

namespace DurableLoggingProvider.Execution.Tests.Engine;

/// <summary>Operation ids (durable-wire-format.md, section 5).</summary>
[TestFixture]
public class OperationIdsTests
{
    /// <summary>The spec's test vectors.</summary>
    internal const string FirstRootOperation = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";
    internal const string SecondRootOperation = "d4735e3a265e16eee03f59718b9b5d03019c07d8b6c51f90da3a666eec13ab35";
    internal const string FirstOperationInsideFirstRootOperation = "2ac06c59dbc2f95f867ebb0f4e986076465c3dfd08e9353610dcf46b8b030df6";

    [Test]
    public void TheFirstRootOperationHasTheSpecsFirstTestVector() =>
        Assert.That(OperationIds.Create(null, 1), Is.EqualTo(FirstRootOperation));

    [Test]
    public void TheSecondRootOperationHasTheSpecsSecondTestVector() =>
        Assert.That(OperationIds.Create(null, 2), Is.EqualTo(SecondRootOperation));

    [Test]
    public void TheFirstOperationInsideTheFirstRootOperationHasTheSpecsThirdTestVector() =>
        Assert.That(OperationIds.Create(FirstRootOperation, 1), Is.EqualTo(FirstOperationInsideFirstRootOperation));

    [TestCase(1)]
    [TestCase(9)]
    [TestCase(10)]
    [TestCase(250)]
    public void ARootIdIsTheHashOfThePositionAlone(int position) =>
        Assert.That(OperationIds.Create(null, position), Is.EqualTo(Sha256Hex(position.ToString(CultureInfo.InvariantCulture))));

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(12)]
    public void AnIdInsideAContextIsTheHashOfTheParentIdADashAndThePosition(int position) =>
        Assert.That(OperationIds.Create(SecondRootOperation, position), Is.EqualTo(Sha256Hex($"{SecondRootOperation}-{position}")));

    [Test]
    public void AnIdIsSixtyFourLowercaseHexCharacters() =>
        Assert.That(OperationIds.Create(FirstRootOperation, 3), Does.Match("^[0-9a-f]{64}$"));

    [TestCase(0)]
    [TestCase(-1)]
    public void PositionsStartAtOne(int position) =>
        Assert.That(() => OperationIds.Create(null, position), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    [CancelAfter(30000)]
    public async Task AWorkflowsOperationsGetTheIdsOfTheirPositions(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                await context.RunInChildContextAsync(child => child.StepAsync(_ => Task.FromResult(1), "inner"), "child");
                return await context.StepAsync(_ => Task.FromResult(2), "outer");
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(result.OperationsNamed("child")[0].Id, Is.EqualTo(FirstRootOperation));
            Assert.That(result.OperationsNamed("inner")[0].Id, Is.EqualTo(FirstOperationInsideFirstRootOperation));
            Assert.That(result.OperationsNamed("outer")[0].Id, Is.EqualTo(SecondRootOperation));
        });
    }

    [Test]
    [CancelAfter(30000)]
    public async Task EachContextCountsItsOwnPositionsFromOne(CancellationToken cancellationToken)
    {
        using var runner = new LocalDurableRunner(new LocalRunnerOptions { Service = new InMemoryServiceOptions { PruneFinishedContexts = false } });

        var result = await runner.RunAsync<string, int>(
            "input",
            async (_, context) =>
            {
                await context.RunInChildContextAsync(async child =>
                {
                    await child.StepAsync(_ => Task.FromResult(1), "first-a");
                    await child.StepAsync(_ => Task.FromResult(2), "first-b");
                }, "first");
                await context.RunInChildContextAsync(child => child.StepAsync(_ => Task.FromResult(3), "second-a"), "second");
                return 0;
            },
            cancellationToken).WaitAsync(cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(result.OperationsNamed("first-a")[0].Id, Is.EqualTo(Sha256Hex($"{FirstRootOperation}-1")));
            Assert.That(result.OperationsNamed("first-b")[0].Id, Is.EqualTo(Sha256Hex($"{FirstRootOperation}-2")));
            Assert.That(result.OperationsNamed("second-a")[0].Id, Is.EqualTo(Sha256Hex($"{SecondRootOperation}-1")));
        });
    }

    private static string Sha256Hex(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
}
