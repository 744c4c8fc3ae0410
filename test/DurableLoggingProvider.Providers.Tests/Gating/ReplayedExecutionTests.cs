using System;
using System.Linq;
using System.Threading.Tasks;
using DurableLoggingProvider.Execution;
using DurableLoggingProvider.Providers.Tests.Capture;
using NUnit.Framework;

namespace DurableLoggingProvider.Providers.Tests.Gating;

/// <summary>
/// A replayed execution, through the engine and the local runner, with each real provider beside the durable one
/// (registered after <c>AddDurableLogging</c>, as the runner adds them): the same gate, the same durable fields.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ReplayedExecutionTests
{
    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task EachLineIsWrittenOnceThroughTheProviderAcrossAReplay(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture);

        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(run.RequestIds, Has.Count.EqualTo(2), "the wait ends the first invocation; the second replays it");
            Assert.That(run.WorkflowLines.Select(line => line.Message), Is.EqualTo(new[] { GatedRun.Received, GatedRun.Charging, GatedRun.Completed }));
            Assert.That(run.DurableRecords, Is.EqualTo(3), "the durable provider itself writes each line once too");
        });
    }

    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task EachLineCarriesTheDurableFieldsOfWhereItWasWrittenAsAScope(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture);

        var received = run.LinesWithMessage(GatedRun.Received).Single().ScopeValues;
        var charging = run.LinesWithMessage(GatedRun.Charging).Single().ScopeValues;
        var completed = run.LinesWithMessage(GatedRun.Completed).Single().ScopeValues;
        Assert.Multiple(() =>
        {
            Assert.That(received["executionArn"], Is.EqualTo(GatedRun.ExecutionArn));
            Assert.That(received["requestId"], Is.EqualTo(run.RequestIds[0]));
            Assert.That(received.ContainsKey("replay"), Is.False, "a live line is not marked");
            Assert.That(charging["operationName"], Is.EqualTo("charge"));
            Assert.That(charging["attempt"], Is.EqualTo("1"));
            Assert.That(charging.ContainsKey("operationId"), Is.True);
            Assert.That(completed["requestId"], Is.EqualTo(run.RequestIds[1]), "the line after the wait is the second invocation's");
        });
    }

    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task MarkModeWritesReplayedLinesAgainWithReplayTrueInTheScope(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture, durable => durable.ReplayMode = ReplayMode.Mark);

        var received = run.LinesWithMessage(GatedRun.Received);
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(2));
            Assert.That(received[0].ScopeValues.ContainsKey("replay"), Is.False);
            Assert.That(received[1].ScopeValues["replay"], Is.EqualTo("true"));
            Assert.That(received[1].ScopeValues["requestId"], Is.EqualTo(run.RequestIds[1]));
            Assert.That(run.LinesWithMessage(GatedRun.Charging), Has.Count.EqualTo(1), "a replayed step's body does not run");
        });
    }

    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task EmitModeOfTheExecutionWritesReplayedLinesAgainUnmarked(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture, executionMode: ReplayMode.Emit);

        var received = run.LinesWithMessage(GatedRun.Received);
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(2));
            Assert.That(received.Select(line => line.ScopeValues.ContainsKey("replay")), Is.All.False);
            Assert.That(received[1].ScopeValues["executionArn"], Is.EqualTo(GatedRun.ExecutionArn));
        });
    }

    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task SnakeCaseFieldNamingNamesTheScopeKeysAsTheDurableProviderNamesItsFields(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture, durable => durable.FieldNaming = FieldNaming.SnakeCase);

        var charging = run.LinesWithMessage(GatedRun.Charging).Single().ScopeValues;
        Assert.Multiple(() =>
        {
            Assert.That(charging["execution_arn"], Is.EqualTo(GatedRun.ExecutionArn));
            Assert.That(charging["request_id"], Is.EqualTo(run.RequestIds[0]));
            Assert.That(charging["operation_name"], Is.EqualTo("charge"));
            Assert.That(charging.ContainsKey("executionArn"), Is.False);
        });
    }

    [TestCaseSource(typeof(ProviderCaptures), nameof(ProviderCaptures.All))]
    [CancelAfter(30_000)]
    public async Task AProviderNamedUngatedWritesReplayedLinesAgainWithoutTheDurableFields(Func<IProviderCapture> create)
    {
        using var capture = create();

        var run = await GatedRun.RunAsync(capture, durable => durable.UngatedProviders.Add(capture.ProviderAlias));

        Assert.Multiple(() =>
        {
            Assert.That(run.LinesWithMessage(GatedRun.Received), Has.Count.EqualTo(2), "ungated: the replayed line is written again");
            Assert.That(run.WorkflowLines.SelectMany(line => line.ScopeValues.Keys), Has.None.EqualTo("executionArn"));
            Assert.That(run.DurableRecords, Is.EqualTo(3), "the durable provider still gates itself");
        });
    }
}
