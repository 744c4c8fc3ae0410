using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using static DurableLoggingProvider.Execution.Tests.Reliability.HostileRun;

namespace DurableLoggingProvider.Execution.Tests.Reliability;

/// <summary>
/// Pages of state no real service sends (durable-wire-format.md, sections 1 and 7), in the invocation
/// input and from <c>GetDurableExecutionState</c>: each ends before the workflow runs, the input's with a
/// <see cref="DurableExecutionInputException"/> naming the field, a later page's with a
/// <see cref="CheckpointException"/> whose <see cref="InvalidServiceAnswerException"/> names the page and
/// the field. Never a NullReferenceException, never an endless loop.
/// </summary>
[TestFixture]
public class HostileStatePageTests
{
    [Test]
    [CancelAfter(10_000)]
    public async Task ANullPageFromTheServiceIsRefusedNamingThePage(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => null };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state", "$", "found null");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task APageWhoseOperationsAreNullIsRefusedNamingTheField(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => new ExecutionStatePage { Operations = null! } };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state", "Operations", "expected an array of operations, found null.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task APageHoldingANullOperationIsRefusedNamingItsIndex(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, Charge(OperationStatus.Succeeded), null) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state", "Operations[1]", "expected an Operation object, found null.");
    }

    [TestCase(false)]
    [TestCase(true)]
    [CancelAfter(10_000)]
    public async Task InTheInputItselfNullStateIsRefusedAsInvalidInput(bool nullOperations, CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();
        var input = Input(nullOperations ? new ExecutionStatePage { Operations = null! } : Page(null, ExecutionOperation(), null));

        var outcome = await RunAsync(input, client, cancellationToken);

        var invalid = outcome.Exception as DurableExecutionInputException;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(invalid?.FieldPath, Is.EqualTo(nullOperations ? "InitialExecutionState.Operations" : "InitialExecutionState.Operations[1]"));
            Assert.That(outcome.HandlerRuns, Is.Zero);
            Assert.That(client.StateReads, Is.Empty);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AMarkerThatRepeatsIsAnErrorNamingItAfterOneRead(CancellationToken cancellationToken)
    {
        // Page 2 hands out the marker page 1 gave: the same page for ever.
        var client = new HostileServiceClient { Page = request => Page(request.Marker, Charge(OperationStatus.Succeeded)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state", "NextMarker", "the marker \"m-2\" repeats: page 1 gave it already");
        Assert.That(client.StateReads, Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AMarkerThatComesBackAfterOthersIsAnErrorToo(CancellationToken cancellationToken)
    {
        var next = new Dictionary<string, string> { ["m-2"] = "m-3", ["m-3"] = "m-4", ["m-4"] = "m-3" };
        var client = new HostileServiceClient { Page = request => Page(next[request.Marker!]) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 4 (Marker \"m-4\") of the execution's state", "NextMarker", "the marker \"m-3\" repeats: page 2 gave it already");
        Assert.That(client.StateReads, Has.Count.EqualTo(3));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task AServiceThatPagesWithoutEndIsStoppedAtTheLimit(CancellationToken cancellationToken)
    {
        // Every page is empty and hands out a new marker.
        var client = new HostileServiceClient { Page = request => Page("m-" + (int.Parse(request.Marker![2..], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(outcome, client, "GetDurableExecutionState page 10000 (Marker \"m-10000\") of the execution's state", "NextMarker", "leads past page 10000");
        Assert.That(client.StateReads, Has.Count.EqualTo(StatePager.MaxPages - 1), "pages read after the input's own");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task ASecondExecutionOperationOnALaterPageIsRefused(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, ExecutionOperation("another-execution", "\"forged input\"")) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(
            outcome,
            client,
            "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state",
            "Operations[0].Type",
            "a second operation of Type EXECUTION, \"another-execution\" (the first is InitialExecutionState.Operations[0])");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TheExecutionOperationRepeatedOnALaterPageIsRefusedAsADuplicate(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, ExecutionOperation(payload: "\"forged input\"")) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(
            outcome, client, "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state", "Operations[0].Id", "duplicate operation id \"execution\"");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AStepRepeatedOnALaterPageIsRefusedNamingWhereTheInputHadIt(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, Charge(OperationStatus.Succeeded)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation(), Charge(OperationStatus.Started))), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(
            outcome,
            client,
            "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state",
            "Operations[0].Id",
            $"duplicate operation id \"{ChargeId}\", already the id of InitialExecutionState.Operations[1].");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AStepRepeatedWithinALaterPageIsRefusedNamingItsFirstPlaceOnThatPage(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, Charge(OperationStatus.Started), Charge(OperationStatus.Succeeded)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        AssertRefusedBeforeTheWorkflow(
            outcome,
            client,
            "GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state",
            "Operations[1].Id",
            $"duplicate operation id \"{ChargeId}\", already the id of Operations[0] of GetDurableExecutionState page 2 (Marker \"m-2\") of the execution's state.");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AStepRepeatedInTheInputObjectIsRefusedAsInvalidInputNamingBothPlaces(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient();

        var outcome = await RunAsync(Input(ExecutionOperation(), Charge(OperationStatus.Started), Charge(OperationStatus.Succeeded)), client, cancellationToken);

        var invalid = outcome.Exception as DurableExecutionInputException;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<DurableExecutionInputException>());
            Assert.That(invalid?.FieldPath, Is.EqualTo("InitialExecutionState.Operations[2].Id"));
            Assert.That(invalid?.Message, Is.EqualTo($"Invalid durable execution input at InitialExecutionState.Operations[2].Id: duplicate operation id \"{ChargeId}\", already the id of InitialExecutionState.Operations[1]."));
            Assert.That(outcome.HandlerRuns, Is.Zero);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task LaterPagesAreAskedForWithTheConfiguredPageSize(CancellationToken cancellationToken)
    {
        var client = new HostileServiceClient { Page = _ => Page(null, Charge(OperationStatus.Succeeded)) };

        var outcome = await RunAsync(Input(Page("m-2", ExecutionOperation())), client, cancellationToken);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Output?.Status, Is.EqualTo(InvocationStatus.Succeeded));
            Assert.That(outcome.BodyRuns, Is.Zero, "the step is replayed from page 2");
            Assert.That(client.StateReads, Has.Count.EqualTo(1));
            Assert.That(client.StateReads[0].MaxItems, Is.EqualTo(1000));
            Assert.That(client.StateReads[0].CheckpointToken, Is.EqualTo("token-0"));
        }
    }

    private static void AssertRefusedBeforeTheWorkflow(HostileOutcome outcome, HostileServiceClient client, string answer, string fieldPath, string problem)
    {
        TestContext.Out.WriteLine(outcome.Exception?.Message);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Exception, Is.TypeOf<CheckpointException>());
            Assert.That(outcome.InvalidAnswer?.Answer, Is.EqualTo(answer));
            Assert.That(outcome.InvalidAnswer?.FieldPath, Is.EqualTo(fieldPath));
            Assert.That(outcome.InvalidAnswer?.Message, Does.Contain(problem));
            Assert.That(outcome.Exception?.Message, Does.Contain(problem), "the outer message says it too");
            Assert.That(outcome.HandlerRuns, Is.Zero, "the workflow never runs on half-read state");
            Assert.That(client.Checkpoints, Is.Empty);
        }
    }
}
